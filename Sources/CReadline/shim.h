#ifndef HASHIYA_CREADLINE_SHIM_H
#define HASHIYA_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Readline configures itself through global variables; Swift 6 refuses to touch mutable C globals
// directly, so these accessors are the one place they are read and written.

static inline void hashiya_rl_set_name(const char *name) { rl_readline_name = name; }

static inline void hashiya_rl_set_completion(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}

static inline void hashiya_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }

static inline const char *hashiya_rl_line_buffer(void) { return rl_line_buffer; }

// Hashiya handles SIGINT, SIGTERM and SIGHUP itself, outside signal context: readline installs no
// handlers, and reads its keys through a function that also wakes up when a signal arrives.
static inline void hashiya_rl_set_catch_signals(int catch) { rl_catch_signals = catch; }

static inline void hashiya_rl_set_getc(rl_getc_func_t *function) { rl_getc_function = function; }

static inline void hashiya_rl_move_to_end(void) { rl_point = rl_end; }

#endif

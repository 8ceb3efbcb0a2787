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

static inline int hashiya_rl_point(void) { return rl_point; }

// Hashiya finds the word to complete itself (it may be a quoted phrase with spaces, opened by «
// or “): the hook decides per completion whether readline's own word breaking applies, and
// "no break characters" makes the word everything before the cursor.
static inline void hashiya_rl_set_word_break_hook(rl_cpvfunc_t *hook) { rl_completion_word_break_hook = hook; }

static inline char *hashiya_rl_no_word_breaks(void) {
  static char none[] = "";
  return none;
}

static inline void hashiya_rl_set_display_matches_hook(rl_compdisp_func_t *hook) {
  rl_completion_display_matches_hook = hook;
}

static inline void hashiya_rl_set_sort_matches(int sort) { rl_sort_completion_matches = sort; }

static inline void hashiya_rl_set_completion_suppress_append(int suppress) { rl_completion_suppress_append = suppress; }

static inline FILE *hashiya_rl_outstream(void) { return rl_outstream; }

// Hashiya handles SIGINT, SIGTERM and SIGHUP itself, outside signal context: readline installs no
// handlers, and reads its keys through a function that also wakes up when a signal arrives.
static inline void hashiya_rl_set_catch_signals(int catch) { rl_catch_signals = catch; }

static inline void hashiya_rl_set_getc(rl_getc_func_t *function) { rl_getc_function = function; }

static inline void hashiya_rl_move_to_end(void) { rl_point = rl_end; }

#endif

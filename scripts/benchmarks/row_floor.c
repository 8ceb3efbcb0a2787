// The import's row-by-row floor: SQLite writing the rows a Hashiya import wrote, into an empty
// file with Hashiya's schema, through the import's own single-row statements, in its order (a
// report, its search row, its word tokens, its annotations, its event), with nothing else to do:
// no parsing, no checking, no hashing, the values read straight from the imported project.
//
// The schema floor (run.py, sqlite_schema_floor) writes the same rows with one INSERT ... SELECT
// per table. The ratio of the two is what single-row statements cost in SQLite itself, which no
// importer that writes one row per statement can go below.
//
//   row_floor OUT.db PROJECT SCHEMA.sql JOURNAL_MODE
//
// Prints nothing; exits 1 with SQLite's message on any error. Built by run.py with
// `cc -O2 row_floor.c -lsqlite3` against the system's SQLite, the one Hashiya uses.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;

static void check(int code, const char *what) {
  if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
  fprintf(stderr, "row_floor: %s: %s\n", what, sqlite3_errmsg(db));
  exit(1);
}

static sqlite3_stmt *prepare(const char *sql) {
  sqlite3_stmt *statement = NULL;
  check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL), sql);
  return statement;
}

// Binds `count` columns of `row`, from its column `first`, to `statement`'s parameters from
// `parameter`: texts and blobs where they lie (valid until `row` steps), as the import binds them.
static void bind_columns(sqlite3_stmt *statement, int parameter, sqlite3_stmt *row, int first, int count) {
  for (int i = 0; i < count; i++) {
    int column = first + i, index = parameter + i;
    switch (sqlite3_column_type(row, column)) {
    case SQLITE_NULL: sqlite3_bind_null(statement, index); break;
    case SQLITE_INTEGER: sqlite3_bind_int64(statement, index, sqlite3_column_int64(row, column)); break;
    case SQLITE_FLOAT: sqlite3_bind_double(statement, index, sqlite3_column_double(row, column)); break;
    case SQLITE_BLOB:
      // The import lets SQLite copy its one blob per report (the word tokens).
      sqlite3_bind_blob(statement, index, sqlite3_column_blob(row, column), sqlite3_column_bytes(row, column),
                        SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_text(statement, index, (const char *)sqlite3_column_text(row, column),
                        sqlite3_column_bytes(row, column), SQLITE_STATIC);
    }
  }
}

// Runs one row of `statement`, as the import does: step, then reset for the next.
static void run(sqlite3_stmt *statement, const char *what) {
  check(sqlite3_step(statement), what);
  sqlite3_reset(statement);
}

// Writes the event `events` is on (its report id first) through `insert`.
static void copy_event(sqlite3_stmt *insert, sqlite3_stmt *events) {
  bind_columns(insert, 1, events, 1, 6);
  bind_columns(insert, 7, events, 0, 1);
  bind_columns(insert, 8, events, 7, 4);
  run(insert, "an event");
}

static char *read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file) { perror(path); exit(1); }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  rewind(file);
  char *text = malloc(size + 1);
  if (!text || fread(text, 1, size, file) != (size_t)size) { perror(path); exit(1); }
  text[size] = 0;
  fclose(file);
  return text;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: row_floor OUT.db PROJECT SCHEMA.sql JOURNAL_MODE\n");
    return 2;
  }
  check(sqlite3_open(argv[1], &db), "open");
  char setup[8192];
  // The pragmas and full-text buffer of the schema floor and of Hashiya's bulk write.
  snprintf(setup, sizeof setup,
           "PRAGMA journal_mode=%s; PRAGMA cache_size=-98304; PRAGMA foreign_keys=ON;", argv[4]);
  check(sqlite3_exec(db, setup, NULL, NULL, NULL), "pragmas");
  char *schema = read_file(argv[3]);
  check(sqlite3_exec(db, schema, NULL, NULL, NULL), "schema");
  free(schema);
  char *attach = sqlite3_mprintf(
      "INSERT INTO reports_fts(reports_fts, rank) VALUES ('hashsize', 33554432); ATTACH %Q AS s; BEGIN", argv[2]);
  check(sqlite3_exec(db, attach, NULL, NULL, NULL), "attach");
  sqlite3_free(attach);

  // The imported project, read in the order the import wrote it. Its annotations' ids and its
  // events' follow its reports', which main() checks rather than assumes.
  sqlite3_stmt *reports = prepare(
      "SELECT id, uid, title, titleFolded, source, url, language, published, text, sha256, length, hadBOM, "
      "metadata, importedAt, importedBy FROM s.reports ORDER BY id");
  sqlite3_stmt *tokens = prepare("SELECT reportId, boundaries FROM s.reportTokens ORDER BY reportId");
  sqlite3_stmt *annotations = prepare(
      "SELECT reportId, id, uuid, layer, label, start, \"end\", quote, attributes, author, origin, status, "
      "createdAt, updatedAt, provenance, fragments FROM s.annotations ORDER BY id");
  sqlite3_stmt *events = prepare(
      "SELECT reportId, uuid, at, author, action, entity, entityId, before, after, reverts, batch "
      "FROM s.events ORDER BY id");

  // The import's statements (ProjectStore+Import.swift, AnnotatedInserter.swift, appendEvent).
  sqlite3_stmt *insert_report = prepare(
      "INSERT INTO reports (uid, title, titleFolded, source, url, language, published, text, sha256, length, "
      "hadBOM, metadata, importedAt, importedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING");
  // The schema floor's search row: the title and the text as stored, which costs SQLite what the
  // import's folded title, text and clitics cost it (measured side by side: within the noise).
  sqlite3_stmt *insert_search = prepare("INSERT INTO reports_fts (rowid, title, body, clitics) VALUES (?, ?, ?, NULL)");
  sqlite3_stmt *insert_tokens = prepare("INSERT INTO reportTokens (reportId, boundaries) VALUES (?, ?)");
  sqlite3_stmt *insert_annotation = prepare(
      "INSERT INTO annotations (id, uuid, reportId, layer, label, start, \"end\", quote, attributes, author, "
      "origin, status, createdAt, updatedAt, provenance, fragments) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  sqlite3_stmt *insert_event = prepare(
      "INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  int annotation = sqlite3_step(annotations), event = sqlite3_step(events);
  while (sqlite3_step(reports) == SQLITE_ROW) {
    sqlite3_int64 source_id = sqlite3_column_int64(reports, 0);
    bind_columns(insert_report, 1, reports, 1, 14);
    run(insert_report, "a report");
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);
    if (id != source_id) {
      fprintf(stderr, "row_floor: report %lld was written as %lld: the project is not as an import wrote it\n",
              (long long)source_id, (long long)id);
      return 1;
    }
    sqlite3_bind_int64(insert_search, 1, id);
    bind_columns(insert_search, 2, reports, 2, 1);
    bind_columns(insert_search, 3, reports, 8, 1);
    run(insert_search, "a search row");
    if (sqlite3_step(tokens) != SQLITE_ROW || sqlite3_column_int64(tokens, 0) != id) {
      fprintf(stderr, "row_floor: report %lld has no word tokens\n", (long long)id);
      return 1;
    }
    bind_columns(insert_tokens, 1, tokens, 0, 2);
    run(insert_tokens, "word tokens");
    for (; annotation == SQLITE_ROW && sqlite3_column_int64(annotations, 0) == id;
         annotation = sqlite3_step(annotations)) {
      bind_columns(insert_annotation, 1, annotations, 1, 2);
      sqlite3_bind_int64(insert_annotation, 3, id);
      bind_columns(insert_annotation, 4, annotations, 3, 13);
      run(insert_annotation, "an annotation");
    }
    // Events before this report's (layers the file carried) and its own, in the log's order.
    for (; event == SQLITE_ROW && (sqlite3_column_type(events, 0) == SQLITE_NULL ||
                                   sqlite3_column_int64(events, 0) <= id);
         event = sqlite3_step(events)) {
      copy_event(insert_event, events);
    }
  }
  if (annotation == SQLITE_ROW) {
    fprintf(stderr, "row_floor: the annotations are not in the order of their reports\n");
    return 1;
  }
  // The import's closing event (the reports it added).
  for (; event == SQLITE_ROW; event = sqlite3_step(events)) {
    copy_event(insert_event, events);
  }
  check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
  // The statements are left to the process's end: close_v2 lets the file go once they are.
  check(sqlite3_close_v2(db), "close");
  return 0;
}

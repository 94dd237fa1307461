/* Saved games: the scenario (with a hash of its file), the seed and the decision log, with
 * a checksum. Loading replays the game, so a save is small and always consistent. */
#ifndef UD_SAVE_H
#define UD_SAVE_H

#include "ud/game.h"

#define UD_SAVE_VERSION 2 /* 2: decisions say when in the month they were taken */
#define UD_SAVE_MAX_MONTHS 240

typedef struct ud_save_info {
    char scenario[1024];
    char title[160];
    int months_played;
    uint64_t seed;
} ud_save_info;

/* Writes the game to `path` atomically: a temporary file beside it, flushed to disk, then
 * renamed over the old save, so a crash mid-save leaves the previous save intact.
 * On failure writes why into err and returns false. */
bool ud_save_write(const ud_game *game, const char *path, char *err, size_t err_size);

/* Reads a save's header and checks it whole (version, checksum, truncation) without
 * replaying it. */
bool ud_save_peek(const char *path, ud_save_info *info, char *err, size_t err_size);

/* Checks a save as ud_save_load does before it runs anything: the file whole (version,
 * checksum, truncation), then its scenario: one the player could pick (see ud_save_load),
 * present, and unchanged since the save. No Lua runs: a save may name any file. Fills info;
 * false with the save's name and the reason in err ("its scenario ... is missing", "the
 * scenario file ... has changed since this game was saved", ...). */
bool ud_save_check(const char *path, const ud_game_options *options, ud_save_info *info, char *err,
                   size_t err_size);

/* Loads a save: checks it (ud_save_check), loads its scenario (only a scenario in a module folder
 * of options->helpers_root, the scenarios the player can pick; refusing one whose file has changed
 * since), and replays every decision. Returns NULL with a message that says which problem and why:
 * missing, truncated, corrupted, incompatible, scenario changed or missing, or a replay that
 * no longer matches. */
ud_game *ud_save_load(const char *path, const ud_game_options *options, char *err, size_t err_size);

/* FNV-1a 64-bit hash of a file's bytes; false if it cannot be read. */
bool ud_file_hash(const char *path, uint64_t *hash);

#endif

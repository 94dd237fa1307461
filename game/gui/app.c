/* The window, its main loop, global shortcuts, settings and saved games. */
#define _POSIX_C_SOURCE 200809L /* stat */

#include "app.h"
#include "data_dirs.h"

#include "../result.h"
#include "../runner.h"
#include "../scenario_folders.h"
#include "ud/regular_file.h"
#include "ud/save.h"
#include "ud/utf8.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

void ud_app_slot_path(const ud_app *app, const char *slot, char *out, size_t size) {
    snprintf(out, size, "%s%s.save", app->data_dir, slot);
}

/* The team's name is kept in a small file beside the save: the save itself is the game. */
static void team_path(const ud_app *app, const char *slot, char *out, size_t size) {
    snprintf(out, size, "%s%s.team", app->data_dir, slot);
}

/* The game's own small files (settings, team names) in the data folder: a missing one is
 * normal; anything else that cannot be read (a FIFO would block the game for ever) is said
 * on the log and then treated as missing. */
static FILE *open_small(const char *path) {
    char why[1200];
    FILE *f = ud_open_regular(path, 1u << 16, why, sizeof why);
    if (f == NULL && errno != ENOENT) {
        SDL_Log("%s (ignored)", why);
    }
    return f;
}

void ud_app_write_team(const ud_app *app, const char *slot) {
    char path[1100], tmp[1120];
    team_path(app, slot, path, sizeof path);
    /* written beside and renamed over: whatever was there (even a FIFO, whose open for
     * writing would wait for a reader) is replaced, never opened; so is the file beside */
    snprintf(tmp, sizeof tmp, "%.1000s.%ld.tmp", path, (long)getpid());
    FILE *f = ud_create_fresh(tmp);
    if (f != NULL) {
        fprintf(f, "%s\n", app->team);
        if (fclose(f) == 0) {
            rename(tmp, path);
        }
    }
}

static void read_team(const ud_app *app, const char *slot, char *out, size_t size) {
    char path[1100];
    team_path(app, slot, path, sizeof path);
    out[0] = '\0';
    FILE *f = open_small(path);
    if (f != NULL) {
        if (fgets(out, (int)size, f) != NULL) {
            out[strcspn(out, "\r\n")] = '\0';
            ud_utf8_clean(out); /* a file from another PC: shown, and written into reports */
        }
        fclose(f);
    }
}

bool ud_app_slot_info(const ud_app *app, const char *slot, ud_save_info *info, char *team,
                      size_t team_size, char *when, size_t when_size) {
    char path[1100], err[1200];
    ud_app_slot_path(app, slot, path, sizeof path);
    if (!ud_save_peek(path, info, err, sizeof err)) {
        return false;
    }
    read_team(app, slot, team, team_size);
    struct stat st;
    when[0] = '\0';
    if (stat(path, &st) == 0) {
        struct tm tm;
        time_t t = st.st_mtime;
        if (localtime_r(&t, &tm) != NULL) {
            strftime(when, when_size, "%Y-%m-%d %H:%M:%S", &tm); /* two saves in a minute differ */
        }
    }
    return true;
}

static void settings_path(const ud_app *app, char *out, size_t size) {
    snprintf(out, size, "%ssettings.txt", app->data_dir);
}

static void load_settings(ud_app *app) {
    ud_settings *s = &app->settings;
    /* the first start speaks the system's language if the game has it */
    snprintf(s->language, sizeof s->language, "%s", ud_i18n_system_language());
    char path[1100], line[128];
    settings_path(app, path, sizeof path);
    FILE *f = open_small(path);
    if (f == NULL) {
        return;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char key[32], value[32];
        if (sscanf(line, "%31s %31s", key, value) != 2) {
            continue;
        }
        if (strcmp(key, "language") == 0 && ud_i18n_known(value)) {
            snprintf(s->language, sizeof s->language, "%.7s", value);
        } else if (strcmp(key, "large_text") == 0) {
            s->large_text = atoi(value) != 0;
        } else if (strcmp(key, "fullscreen") == 0) {
            s->fullscreen = atoi(value) != 0;
        } else if (strcmp(key, "colour_blind") == 0) {
            s->colour_blind = atoi(value) != 0;
        } else if (strcmp(key, "hints") == 0) {
            s->no_hints = atoi(value) == 0;
        }
    }
    fclose(f);
}

/* Writes the settings; on failure says why in app->settings_error (the settings screen shows
 * it: they then last only until the game is closed). */
static void save_settings(ud_app *app) {
    char path[1100], tmp[1120];
    settings_path(app, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%.1000s.%ld.tmp", path, (long)getpid());
    app->settings_error[0] = '\0';
    FILE *f = ud_create_fresh(tmp);
    if (f == NULL) {
        snprintf(app->settings_error, sizeof app->settings_error, "%s: %s", tmp, strerror(errno));
        return;
    }
    const ud_settings *s = &app->settings;
    fprintf(f, "language %s\nlarge_text %d\nfullscreen %d\ncolour_blind %d\nhints %d\n",
            s->language, s->large_text, s->fullscreen, s->colour_blind, !s->no_hints);
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        snprintf(app->settings_error, sizeof app->settings_error, "%s: %s", path, strerror(errno));
        remove(tmp);
    }
}

static float pixel_density(const ud_app *app) {
    int w, h;
    if (SDL_GetRendererOutputSize(app->renderer, &w, &h) != 0) {
        return 1.0f;
    }
    float sx = (float)w / UD_LOGICAL_W, sy = (float)h / UD_LOGICAL_H;
    float d = sx < sy ? sx : sy;
    return d < 0.5f ? 0.5f : d;
}

void ud_app_apply_settings(ud_app *app) {
    char err[512];
    if (!ud_i18n_load(&app->i18n, ud_po_dir(), app->settings.language, err, sizeof err)) {
        SDL_Log("%s", err);
    }
    if (app->game != NULL) {
        ud_game_set_language(app->game, app->settings.language);
    }
    app->ui.pal = ud_palette_get(app->settings.colour_blind);
    SDL_SetWindowFullscreen(app->window,
                            app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    ud_text_set_scale(&app->text, pixel_density(app), app->settings.large_text ? 1.2f : 1.0f);
    save_settings(app);
    app->dirty = true;
}

static int module_rank(const char *module) {
    static const char *const order[] = {"tutorial", "m1-poverty",   "m2-government",
                                        "m3-women", "m4-technical", "field-visit"};
    for (int i = 0; i < 6; i++) {
        if (strcmp(order[i], module) == 0) {
            return i;
        }
    }
    return 6; /* a trainer's own modules come last */
}

/* Orders the picker by training module (tutorial first), keeping paths and infos paired. */
static void sort_by_module(ud_app *app) {
    for (int i = 1; i < app->scenario_count; i++) {
        for (int j = i;
             j > 0 && module_rank(app->infos[j].module) < module_rank(app->infos[j - 1].module);
             j--) {
            ud_scenario_info t = app->infos[j];
            app->infos[j] = app->infos[j - 1];
            app->infos[j - 1] = t;
            char p[1024];
            memcpy(p, app->scenario_paths[j], sizeof p);
            memcpy(app->scenario_paths[j], app->scenario_paths[j - 1], sizeof p);
            memcpy(app->scenario_paths[j - 1], p, sizeof p);
            int o = app->scenario_origin[j];
            app->scenario_origin[j] = app->scenario_origin[j - 1];
            app->scenario_origin[j - 1] = o;
        }
    }
}

static void find_scenarios(ud_app *app) {
    static ud_scenario_entry found[UD_MAX_SCENARIOS + 1];
    app->scenario_count = ud_find_scenarios(found, UD_MAX_SCENARIOS + 1);
    if (app->scenario_count > UD_MAX_SCENARIOS) {
        /* never silently: the trainer is told why one is missing from the list */
        SDL_Log("more than %d scenarios in the scenario folders: only %d are listed",
                UD_MAX_SCENARIOS, UD_MAX_SCENARIOS);
        app->scenario_count = UD_MAX_SCENARIOS;
    }
    for (int i = 0; i < app->scenario_count; i++) {
        memcpy(app->scenario_paths[i], found[i].path, sizeof app->scenario_paths[i]);
        app->scenario_origin[i] = (int)found[i].origin;
    }
    app->infos = calloc((size_t)(app->scenario_count + 1), sizeof *app->infos);
    int kept = 0;
    for (int i = 0; i < app->scenario_count && app->infos != NULL; i++) {
        ud_game_options opt;
        memset(&opt, 0, sizeof opt);
        opt.helpers_root = ud_scenarios_root();
        opt.catalog = ud_i18n_catalog;
        opt.catalog_data = &app->i18n;
        /* a trainer's scenario may name strategies in its own folders, as check allows */
        opt.scenario_folders = ud_scenario_folder_list();
        char err[2048];
        ud_game *g = ud_game_load(app->scenario_paths[i], &opt, err, sizeof err);
        if (g == NULL) {
            SDL_Log("%s", err); /* a broken scenario is left out of the list, not fatal */
            if (app->broken_count++ == 0) {
                /* its first line: "file:line: what is wrong" */
                snprintf(app->broken_first, sizeof app->broken_first, "%.*s",
                         (int)strcspn(err, "\n"), err);
            }
            continue;
        }
        app->infos[kept] = *ud_game_info(g);
        memmove(app->scenario_paths[kept], app->scenario_paths[i], 1024);
        app->scenario_origin[kept] = app->scenario_origin[i];
        kept++;
        ud_game_free(g);
    }
    app->scenario_count = kept;
    sort_by_module(app);
}

ud_app *ud_app_create(const ud_app_options *o, char *err, size_t err_size) {
    ud_app_options none;
    memset(&none, 0, sizeof none);
    if (o == NULL) {
        o = &none;
    }
    const char *wayland = getenv("WAYLAND_DISPLAY");
    if (wayland == NULL || wayland[0] == '\0') {
        /* no Wayland session: do not probe for one (its library complains on stderr) */
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11,kmsdrm,offscreen,dummy");
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, err_size,
                 "no display available (%s); play without a window with "
                 "'unitdesa run'",
                 SDL_GetError());
        return NULL;
    }
    /* Without any display SDL quietly falls back to drawing off screen: unless that was
     * asked for (tests, benchmarks), there is nobody to see the game. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (driver != NULL && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
        (asked == NULL || asked[0] == '\0')) {
        snprintf(err, err_size,
                 "no display available; play without a window with 'unitdesa "
                 "run' (see 'unitdesa run --help')");
        SDL_Quit();
        return NULL;
    }
    ud_app *app = calloc(1, sizeof *app);
    if (app == NULL) {
        snprintf(err, err_size, "out of memory");
        SDL_Quit();
        return NULL;
    }
    snprintf(app->assets, sizeof app->assets, "%s",
             o->assets_dir ? o->assets_dir : ud_assets_dir());
    /* a data folder whose path would be cut would put the saves somewhere else: refused */
    const char *wanted = o->data_dir != NULL ? o->data_dir : getenv("UNITDESA_DATA_DIR");
    if (wanted != NULL && strlen(wanted) > 1000) {
        snprintf(err, err_size,
                 "UNITDESA_DATA_DIR: the data folder's path is %zu bytes long, at most 1000: "
                 "choose a shorter one",
                 strlen(wanted));
        free(app);
        SDL_Quit();
        return NULL;
    }
    if (o->data_dir != NULL) {
        snprintf(app->data_dir, sizeof app->data_dir, "%s/", o->data_dir);
    } else {
        ud_data_dir(app->data_dir, sizeof app->data_dir); /* the one the command line uses */
    }
    mkdir(app->data_dir, 0755);
    const char *team = o->team != NULL ? o->team : getenv("UNITDESA_TEAM");
    /* from the command line or a launcher script: cut between characters, bytes that are not
     * UTF-8 replaced, control characters made spaces (it is shown, and written into reports) */
    ud_utf8_copy(app->team_default, sizeof app->team_default, team != NULL ? team : "");
    ud_utf8_plain(app->team_default, false, ' ');
    load_settings(app);
    if (o->language != NULL && ud_i18n_known(o->language)) {
        snprintf(app->settings.language, sizeof app->settings.language, "%s", o->language);
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->hidden) {
        flags |= SDL_WINDOW_HIDDEN;
    }
    /* The window fits the display at first start: the 1280x720 canvas scaled down to the
     * usable area (a 1024x600 netbook with a task bar gets about 1000x560), never up. */
    int win_w = UD_LOGICAL_W, win_h = UD_LOGICAL_H;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0) {
        int room_w = usable.w - 16, room_h = usable.h - 40; /* leave room for the frame */
        if (room_w < win_w || room_h < win_h) {
            double scale = (double)room_w / UD_LOGICAL_W < (double)room_h / UD_LOGICAL_H
                               ? (double)room_w / UD_LOGICAL_W
                               : (double)room_h / UD_LOGICAL_H;
            win_w = (int)(UD_LOGICAL_W * scale);
            win_h = (int)(UD_LOGICAL_H * scale);
        }
    }
    app->window = SDL_CreateWindow("Unit Desa", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   win_w, win_h, flags);
    if (app->window == NULL) {
        snprintf(err, err_size,
                 "no display available (%s); play without a window with "
                 "'unitdesa run'",
                 SDL_GetError());
        free(app);
        SDL_Quit();
        return NULL;
    }
    /* small enough for any display the game supports, large enough to read */
    SDL_SetWindowMinimumSize(app->window, win_w < 800 ? win_w : 800, win_h < 450 ? win_h : 450);
    if (!o->software) {
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED);
    }
    if (app->renderer == NULL) {
        if (!o->software) {
            SDL_Log("no accelerated renderer (%s): using the software renderer", SDL_GetError());
        }
        /* Draw straight into the window's own surface: without this hint SDL would load an
         * OpenGL stack (about 100 MB resident) only to copy the software frame through it. */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
        app->software_renderer = true;
    }
    if (app->renderer == NULL) {
        snprintf(err, err_size, "cannot draw in the window: %s", SDL_GetError());
        SDL_DestroyWindow(app->window);
        free(app);
        SDL_Quit();
        return NULL;
    }
    /* Scaled and letterboxed to any window; text is rendered at the real pixel density. */
    SDL_RenderSetLogicalSize(app->renderer, UD_LOGICAL_W, UD_LOGICAL_H);
    if (!ud_text_init(&app->text, app->renderer, app->assets, err, err_size)) {
        SDL_DestroyRenderer(app->renderer);
        SDL_DestroyWindow(app->window);
        free(app);
        SDL_Quit();
        return NULL;
    }
    app->ui.renderer = app->renderer;
    app->ui.text = &app->text;
    app->ui.i18n = &app->i18n;
    app->selected_household = -1;
    app->ui.hovered = -1;
    ud_app_apply_settings(app);
    find_scenarios(app);
    app->screen = SCREEN_START;
    if (o->scenario != NULL) {
        ud_app_start_scenario(app, o->scenario);
    }
    app->dirty = true;
    return app;
}

void ud_app_destroy(ud_app *app) {
    if (app == NULL) {
        return;
    }
    ud_app_forget_debrief(app);
    ud_game_free(app->game);
    ud_history_free(&app->history);
    free(app->infos);
    ud_text_free(&app->text);
    ud_i18n_free(&app->i18n);
    SDL_DestroyRenderer(app->renderer);
    SDL_DestroyWindow(app->window);
    free(app);
    SDL_Quit();
}

void ud_app_show_message(ud_app *app, const char *text) {
    snprintf(app->message, sizeof app->message, "%s", text);
    app->dialog = DIALOG_MESSAGE;
    app->dirty = true;
}

void ud_app_confirm(ud_app *app, const char *text, const char *yes, ud_confirm_action action,
                    const ud_command *cmd) {
    ud_confirm *c = &app->confirm;
    memset(c, 0, sizeof *c);
    c->action = action;
    if (cmd != NULL) {
        c->command = *cmd;
    }
    snprintf(c->text, sizeof c->text, "%s", text);
    snprintf(c->yes, sizeof c->yes, "%s", yes != NULL ? yes : TR(&app->ui, "Confirm"));
    snprintf(c->no, sizeof c->no, "%s", TR(&app->ui, "Go back"));
    app->dialog = DIALOG_CONFIRM;
    app->dirty = true;
}

static void adopt_game(ud_app *app, ud_game *g) {
    ud_app_forget_debrief(app);
    app->result_written_count = 0; /* a new game: the files written so far are another's */
    app->briefing_scroll = 0;
    ud_game_free(app->game);
    app->game = g;
    app->guide_seen_step = -1;
    app->selected_group = -1;
    app->what_if_month = -1;
    app->debrief_log_opens_at = -1;
    app->debrief_page = 0;
    ud_game_set_language(g, app->settings.language);
    app->dialog = DIALOG_NONE;
    app->stashed_dialog = DIALOG_NONE; /* the other game's question or card */
    app->selected_household = -1;
    app->pending_question = 0;
    app->tab = TAB_DESK;
    app->page = 0;
    app->products_page = 0;
    app->savings_rate = ud_sim_setup(ud_game_sim(g))->mfi.savings_rate;
    /* a loaded game may have changed it since: the log knows */
    int n;
    const ud_decision *d = ud_game_decisions(g, &n);
    for (int i = 0; i < n; i++) {
        if (!d[i].is_answer && d[i].command.type == UD_CMD_SET_SAVINGS_RATE) {
            app->savings_rate = d[i].command.rate;
        }
    }
}

/* Records each month played into the game's past as drawn (or into the record being rebuilt
 * while a save is replayed). */
static void month_played(ud_game *game, void *context) {
    ud_app *app = context;
    ud_history_month(app->recording != NULL ? app->recording : &app->history, game);
}

static ud_game_options game_options(ud_app *app) {
    ud_game_options opt;
    memset(&opt, 0, sizeof opt);
    opt.helpers_root = ud_scenarios_root();
    opt.catalog = ud_i18n_catalog;
    opt.catalog_data = &app->i18n;
    opt.language = app->settings.language;
    opt.month_played = month_played;
    opt.month_played_context = app;
    opt.scenario_folders = ud_scenario_folder_list(); /* saves of a trainer's own load too */
    opt.scenario_files = ud_scenario_file_list();     /* and of a scenario opened by path */
    return opt;
}

bool ud_app_start_scenario(ud_app *app, const char *path) {
    ud_game_options opt = game_options(app);
    char err[4096];
    ud_game *g = ud_game_load(path, &opt, err, sizeof err);
    if (g == NULL) {
        ud_app_show_message(app, err);
        return false;
    }
    adopt_game(app, g);
    ud_history_begin(&app->history, g);
    /* asked on the briefing, offered from --team or $UNITDESA_TEAM */
    snprintf(app->team, sizeof app->team, "%s", app->team_default);
    app->screen = SCREEN_BRIEFING;
    app->dirty = true;
    return true;
}

static int unanswered_question(const ud_app *app) {
    int n;
    const ud_question *q = ud_game_questions(app->game, &n);
    for (int i = 0; i < n; i++) {
        if (q[i].answer == 0) {
            return q[i].id;
        }
    }
    return 0;
}

/* Whether this game wrote the result file at `path` (it may replace its own). */
static bool written_by_this_game(const ud_app *app, const char *path) {
    for (int i = 0; i < app->result_written_count; i++) {
        if (strcmp(app->result_written[i], path) == 0) {
            return true;
        }
    }
    return false;
}

static bool result_file(ud_app *app, char *path, size_t size, char *err, size_t err_size) {
    char dir[1100];
    snprintf(dir, sizeof dir, "%.1000sresults", app->data_dir);
    mkdir(dir, 0755);
    char name[256], who[140], host[64] = "";
    /* the computer's name too: teams that keep the offered name do not overwrite each other
     * when their files are collected into one folder */
    if (gethostname(host, sizeof host - 1) != 0) {
        host[0] = '\0';
    }
    /* the team's name cut so that the computer's name always fits in the file's name */
    snprintf(who, sizeof who, "%.30s%s%s", app->team[0] ? app->team : "team", host[0] ? "-" : "",
             host);
    const ud_scenario_info *in = ud_game_info(app->game);
    ud_result_file_name(who, in->id, ud_sim_month(ud_game_sim(app->game)), name, sizeof name);
    /* Another game's file of the same name (a morning team and an afternoon team who kept
     * the offered name, or a replay) is never replaced: this one takes the next number. */
    char candidate[1100];
    size_t stem = strlen(name) - strlen(".result");
    for (int n = 1; n < 1000; n++) {
        if (n == 1) {
            snprintf(candidate, sizeof candidate, "%.800s/%.250s", dir, name);
        } else {
            snprintf(candidate, sizeof candidate, "%.800s/%.*s-%d.result", dir, (int)stem, name, n);
        }
        struct stat st;
        if (written_by_this_game(app, candidate) || stat(candidate, &st) != 0) {
            break;
        }
    }
    snprintf(path, size, "%s", candidate);
    if (!ud_result_write(path, app->game, app->team, err, err_size)) {
        return false;
    }
    if (!written_by_this_game(app, path) && app->result_written_count < 16) {
        snprintf(app->result_written[app->result_written_count++], sizeof app->result_written[0],
                 "%s", path);
    }
    return true;
}

/* At the end of a game: written without a message (the summary is on screen). */
static void write_result_quietly(ud_app *app) {
    char err[1400];
    if (result_file(app, app->result_path, sizeof app->result_path, err, sizeof err)) {
        SDL_Log("team result written to %s", app->result_path);
    } else {
        app->result_path[0] = '\0';
        SDL_Log("%s", err);
    }
}

/* The next month opens for the trainee as it opens for a strategy (its at_month and
 * every_month handlers: news, offers, shocks, questions) once the month's summary is closed
 * and every question answered: the trainee decides month m knowing what month m brings, as a
 * strategy's decide(m) does. */
static void open_month_when_ready(ud_app *app) {
    if (app->game == NULL || app->screen != SCREEN_PLAY || app->dialog != DIALOG_NONE ||
        unanswered_question(app) != 0 || !ud_game_open_month(app->game)) {
        return;
    }
    app->dirty = true;
    if (ud_game_end_state(app->game) != UD_END_RUNNING) {
        app->dialog = DIALOG_MONTH_END; /* a script was stopped: say so, then the debrief */
        app->back_to = SCREEN_DEBRIEF;
        return;
    }
    int asked = unanswered_question(app);
    if (asked != 0) {
        app->pending_question = asked;
        app->dialog = DIALOG_QUESTION;
    }
}

void ud_app_next_month(ud_app *app) {
    if (app->game == NULL || app->screen != SCREEN_PLAY || app->dialog != DIALOG_NONE) {
        return;
    }
    if (unanswered_question(app) != 0) {
        app->pending_question = unanswered_question(app);
        app->dialog = DIALOG_QUESTION;
        return;
    }
    ud_sim *sim = ud_game_sim(app->game);
    if (ud_sim_policy(sim)->manual_review) {
        /* in this mode the engine refuses whatever is undecided when the month ends */
        int n, undecided = 0;
        const ud_application *apps = ud_sim_applications(sim, &n);
        for (int i = 0; i < n; i++) {
            undecided += apps[i].decision == UD_APP_PENDING;
        }
        if (undecided > 0) {
            char text[1024], count[160];
            snprintf(count, sizeof count,
                     TRN(&app->ui, undecided, "%d application is not decided",
                         "%d applications are not decided"),
                     undecided);
            snprintf(text, sizeof text, "%s. %s", count,
                     TR(&app->ui, "With \"Review every loan\" on, nothing is approved without "
                                  "you: if the month ends now, they are all refused."));
            app->tab = TAB_DESK;
            app->page = 0;
            ud_app_confirm(app, text, TR(&app->ui, "Refuse them and play the month"),
                           CONFIRM_NEXT_MONTH, NULL);
            return;
        }
    }
    ud_app_play_month(app);
}

bool ud_app_autosave(ud_app *app) {
    if (app->game == NULL) {
        return false;
    }
    char path[1100];
    ud_app_slot_path(app, "autosave", path, sizeof path);
    app->autosave_error[0] = '\0';
    if (!ud_save_write(app->game, path, app->autosave_error, sizeof app->autosave_error)) {
        SDL_Log("autosave failed: %s", app->autosave_error);
        return false;
    }
    ud_app_write_team(app, "autosave");
    return true;
}

void ud_app_play_month(ud_app *app) {
    if (app->game == NULL || app->screen != SCREEN_PLAY) {
        return;
    }
    app->dialog = DIALOG_NONE;
    ud_sim *sim = ud_game_sim(app->game);
    const ud_indicators *last = ud_sim_indicators(sim, ud_sim_month(sim));
    if (last != NULL) {
        app->before = *last;
    } else {
        memset(&app->before, 0, sizeof app->before);
    }
    bool going = ud_game_play_month(app->game); /* recorded by month_played */
    /* a new month's lists start on their first page; the Products tab stays on its product
     * (a trainee repricing product 2 month after month was sent back to product 1) */
    if (app->tab == TAB_PRODUCTS) {
        app->products_page = app->page;
    }
    app->page = app->tab == TAB_PRODUCTS ? app->products_page : 0;
    /* A failed autosave is told in the month's summary; the game itself goes on. */
    ud_app_autosave(app);
    app->dialog = DIALOG_MONTH_END;
    if (!going) {
        app->back_to = SCREEN_DEBRIEF; /* after the summary, the debrief */
        write_result_quietly(app);     /* for the trainer's class report */
    }
    app->dirty = true;
}

bool ud_app_write_result(ud_app *app) {
    if (app->game == NULL) {
        return false;
    }
    char err[1400], text[1600];
    if (!result_file(app, app->result_path, sizeof app->result_path, err, sizeof err)) {
        app->result_path[0] = '\0';
        ud_app_show_message(app, err);
        return false;
    }
    snprintf(text, sizeof text, "%s %s", TR(&app->ui, "Team result written to"), app->result_path);
    ud_app_show_message(app, text);
    return true;
}

/* The engine's refusals a trainee meets most, as the engine words them after the field name,
 * marked here so that the catalogs carry them (ud_app_command looks each reason up). */
static const char *const engine_reasons[] = {
    N_("hiring costs more than the cash in hand"), N_("training costs more than the cash in hand"),
    N_("an audit costs more than the cash in hand"), N_("the MFI is insolvent: the game is over")};

bool ud_app_command(ud_app *app, const ud_command *cmd) {
    (void)engine_reasons;
    char err[512];
    if (!ud_game_command(app->game, cmd, err, sizeof err)) {
        char text[700];
        /* the engine names the field first ("annual_rate: ...") for scripts; a trainee
         * reads only the reason */
        const char *reason = err;
        const char *colon = strstr(err, ": ");
        if (colon != NULL && strcspn(err, " ") > (size_t)(colon - err)) {
            reason = colon + 2;
        }
        /* the reasons a trainee meets most (cash, the end of the game) are in the catalogs;
         * one with numbers in it stays as the engine wrote it */
        snprintf(text, sizeof text, "%s: %s", TR(&app->ui, "Not possible"), TR(&app->ui, reason));
        ud_app_show_message(app, text);
        return false;
    }
    app->dirty = true;
    return true;
}

bool ud_app_save(ud_app *app, const char *slot) {
    if (app->game == NULL) {
        return false;
    }
    char path[1100], err[1200];
    ud_app_slot_path(app, slot, path, sizeof path);
    if (!ud_save_write(app->game, path, err, sizeof err)) {
        ud_app_show_message(app, err);
        return false;
    }
    ud_app_write_team(app, slot);
    return true;
}

bool ud_app_load(ud_app *app, const char *slot) {
    char path[1100], err[4096];
    ud_app_slot_path(app, slot, path, sizeof path);
    /* The screens show the game's past too (who was poor at the start, each month's events,
     * the charts' marks): it is recorded again while the save replays. */
    ud_game_options opt = game_options(app);
    ud_history past;
    memset(&past, 0, sizeof past);
    ud_game *g = NULL;
    if (ud_history_begin_save(&past, path, &opt, err, sizeof err)) {
        app->recording = &past;
        g = ud_save_load(path, &opt, err, sizeof err);
        app->recording = NULL;
    }
    if (g == NULL) {
        /* Nothing else changes: the game in progress (if any) goes on. */
        ud_history_free(&past);
        ud_app_show_message(app, err);
        return false;
    }
    /* the game left behind keeps the decisions of its open month, in the autosave */
    if (strcmp(slot, "autosave") != 0) {
        ud_app_autosave(app);
    }
    adopt_game(app, g);
    ud_history_free(&app->history);
    app->history = past;
    read_team(app, slot, app->team, sizeof app->team);
    app->screen = ud_game_end_state(g) == UD_END_RUNNING ? SCREEN_PLAY : SCREEN_DEBRIEF;
    app->dirty = true;
    return true;
}

/* Leaves the village for another screen: a dialog open over it (a question, a card) waits
 * for the village's return rather than staying over the new screen, where its keys would go
 * to the wrong place (a trainee's "1" for a question saved into slot 1 instead). */
static void leave_screen_for(ud_app *app, ud_screen screen) {
    if (app->screen == SCREEN_PLAY && app->dialog != DIALOG_NONE) {
        app->stashed_dialog = app->dialog;
        app->dialog = DIALOG_NONE;
        app->question_shown = 0; /* a question opens again as new: no option focused */
    }
    app->back_to = app->screen;
    app->screen = screen;
}

/* Keys that work on every screen. Returns true if the key was used. */
static bool global_key(ud_app *app, SDL_Keycode k, Uint16 mod) {
    bool ctrl = (mod & KMOD_CTRL) != 0;
    if (app->dialog != DIALOG_NONE && app->screen != SCREEN_PLAY && (k == SDLK_F1 || ctrl)) {
        return false; /* a dialog of that screen (a save's confirmation) is answered first */
    }
    if (k == SDLK_F1 && app->screen != SCREEN_HELP) {
        leave_screen_for(app, SCREEN_HELP);
        app->page = 0;
        return true;
    }
    if (ctrl && k == SDLK_s && app->game != NULL && app->screen != SCREEN_SLOTS) {
        leave_screen_for(app, SCREEN_SLOTS);
        app->saving = true;
        return true;
    }
    if (ctrl && k == SDLK_r && app->game != NULL) {
        ud_app_write_result(app); /* on demand: for a class report mid-game */
        return true;
    }
    if (ctrl && k == SDLK_l && app->screen != SCREEN_SLOTS) {
        leave_screen_for(app, SCREEN_SLOTS);
        app->saving = false;
        return true;
    }
    if (ctrl && k == SDLK_q) {
        app->quit = true;
        return true;
    }
    if (k == SDLK_SPACE && app->screen == SCREEN_PLAY && app->dialog == DIALOG_NONE) {
        ud_app_next_month(app);
        return true;
    }
    return false;
}

void ud_app_event(ud_app *app, const SDL_Event *e) {
    ud_ui *ui = &app->ui;
    bool input = e->type == SDL_KEYDOWN || e->type == SDL_MOUSEWHEEL ||
                 (e->type == SDL_MOUSEBUTTONDOWN && e->button.button == SDL_BUTTON_LEFT);
    if (input && (ui->key != 0 || ui->clicked || app->dirty)) {
        /* Input arrived faster than frames: let the earlier key or click act, and show its
         * result, before this one, so that no key acts on a screen that was never shown. */
        ud_app_draw(app);
    }
    switch (e->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_KEYDOWN:
        if (!global_key(app, e->key.keysym.sym, e->key.keysym.mod)) {
            ui->key = e->key.keysym.sym;
            ui->mod = e->key.keysym.mod;
        }
        app->dirty = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT) {
            ui->mouse_x = e->button.x; /* already in logical coordinates */
            ui->mouse_y = e->button.y;
            ui->clicked = true;
            app->dirty = true;
        }
        break;
    case SDL_TEXTINPUT: {
        size_t n = strlen(ui->typed), add = strlen(e->text.text);
        if (n + add < sizeof ui->typed) {
            memcpy(ui->typed + n, e->text.text, add + 1);
            app->dirty = true;
        }
        break;
    }
    case SDL_MOUSEMOTION:
        if (ud_ui_hover(ui, e->motion.x, e->motion.y)) {
            app->dirty = true; /* another tooltip, or none */
        }
        break;
    case SDL_MOUSEWHEEL:
        ui->key = e->wheel.y > 0 ? SDLK_PAGEUP : SDLK_PAGEDOWN;
        app->dirty = true;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e->window.event == SDL_WINDOWEVENT_EXPOSED ||
            e->window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED) {
            ud_text_set_scale(&app->text, pixel_density(app), app->text.text_scale);
            app->dirty = true;
        }
        break;
    default:
        break;
    }
}

static void draw_once(ud_app *app) {
    ud_ui *ui = &app->ui;
    SDL_Color bg = ui->pal->background;
    SDL_SetRenderDrawColor(app->renderer, bg.r, bg.g, bg.b, 255);
    /* clear the whole window, the bands beside the scaled canvas too (the software renderer
     * clears only the canvas otherwise, and the last screen would show there) */
    SDL_RenderSetLogicalSize(app->renderer, 0, 0);
    SDL_RenderSetViewport(app->renderer, NULL);
    SDL_RenderClear(app->renderer);
    SDL_RenderSetLogicalSize(app->renderer, UD_LOGICAL_W, UD_LOGICAL_H);
    if (app->screen != app->drawn_screen) {
        ui->focus = 0; /* a new screen starts with its first safe widget focused */
        ui->settle_focus = true;
        app->drawn_screen = app->screen;
    }
    if (app->screen == SCREEN_PLAY && app->stashed_dialog != DIALOG_NONE &&
        app->dialog == DIALOG_NONE) {
        app->dialog = app->stashed_dialog; /* back in the village: as it was left */
        app->stashed_dialog = DIALOG_NONE;
    }
    ud_ui_begin(ui);
    ui->modal = app->dialog != DIALOG_NONE;
    ui->in_modal = false;
    switch (app->screen) {
    case SCREEN_START:
        ud_screen_start(app);
        break;
    case SCREEN_BRIEFING:
        ud_screen_briefing(app);
        break;
    case SCREEN_PLAY:
        ud_screen_play(app);
        break;
    case SCREEN_DEBRIEF:
        ud_screen_debrief(app);
        break;
    case SCREEN_HELP:
        ud_screen_help(app);
        break;
    case SCREEN_SETTINGS:
        ud_screen_settings(app);
        break;
    case SCREEN_SLOTS:
        ud_screen_slots(app);
        break;
    case SCREEN_COUNT:
        break;
    }
    ud_dialogs(app);
    ud_ui_draw_hint(ui);
    ud_ui_end(ui);
    SDL_RenderPresent(app->renderer);
    app->frames++;
}

/* What decides which widgets a frame shows: when a pass changes it, the frame on screen is
 * no longer the one the next key would act on. */
typedef struct shown {
    ud_screen screen;
    ud_dialog dialog;
    ud_tab tab;
    int page;
} shown;

static shown what_is_shown(const ud_app *app) {
    shown s = {app->screen, app->dialog, app->tab, app->page};
    return s;
}

static bool same_shown(shown a, shown b) {
    return a.screen == b.screen && a.dialog == b.dialog && a.tab == b.tab && a.page == b.page;
}

void ud_app_draw(ud_app *app) {
    /* A widget or key that acted changed the state the frame showed: draw again until the
     * frame on screen shows the state that the next key will act on, with the focus where
     * the next Enter will find it. */
    for (int pass = 0; pass < 8; pass++) {
        shown before = what_is_shown(app);
        int focus = app->ui.focus;
        app->dirty = false;
        open_month_when_ready(app);
        draw_once(app);
        if (app->game != NULL && ud_guide_observe(app)) {
            app->dirty = true; /* a step was completed: show the next one */
        }
        bool same = same_shown(before, what_is_shown(app));
        if (!same) {
            app->ui.settle_focus = true; /* the focus is now on some other widget */
        }
        if (!app->ui.activated && !app->dirty && same && app->drawn_screen == app->screen &&
            !app->ui.settle_focus && focus == app->ui.focus) {
            break;
        }
    }
}

void ud_app_run(ud_app *app) {
    ud_app_draw(app);
    SDL_Event e;
    while (!app->quit && SDL_WaitEvent(&e)) {
        ud_app_event(app, &e);
        while (SDL_PollEvent(&e)) {
            ud_app_event(app, &e);
        }
        if (app->dirty && !app->quit) {
            ud_app_draw(app);
        }
    }
    /* Ctrl+Q or the window closed: the decisions of the open month are kept in the autosave
     * (it was written only when a month was played) */
    ud_app_autosave(app);
}

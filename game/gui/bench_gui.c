/* `unitdesa bench --gui`: how the game behaves on this machine with the software renderer
 * at 1280x720: launch time, drawing time of the busiest screen, CPU while idle, and
 * resident memory through a 36-month game. Prints numbers; judges nothing. */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include "app.h"
#include "gui.h"

#include "../runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double resident_mb(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2) {
            rss = 0;
        }
        fclose(f);
    }
    return (double)rss * 4096.0 / (1024.0 * 1024.0);
}

static void press(ud_app *app, SDL_Keycode k) {
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    ud_app_event(app, &e);
    ud_app_draw(app);
}

int ud_bench_gui(void) {
    /* a data folder of its own, whatever UNITDESA_DATA_DIR says: the benchmark's autosaves and
     * the result of the game it plays must not land among a class's saves and results */
    char data[] = "/tmp/unitdesa-bench-XXXXXX";
    if (mkdtemp(data) == NULL) {
        fprintf(stderr, "unitdesa bench: cannot make a temporary data folder in /tmp\n");
        return 1;
    }
    setenv("UNITDESA_DATA_DIR", data, 1);
    if (getenv("DISPLAY") == NULL && getenv("WAYLAND_DISPLAY") == NULL &&
        getenv("SDL_VIDEODRIVER") == NULL) {
        setenv("SDL_VIDEODRIVER", "dummy", 1); /* no display: measure drawing off screen */
    }
    double t0 = now();
    ud_app_options o;
    memset(&o, 0, sizeof o);
    o.software = true;
    char err[512];
    ud_app *app = ud_app_create(&o, err, sizeof err);
    if (app == NULL) {
        fprintf(stderr, "unitdesa bench: %s\n", err);
        return 1;
    }
    ud_app_draw(app);
    double launch = now() - t0;
    /* the busiest screen: a year into the credit-line scenario, with the reports' charts */
    char path[1100];
    snprintf(path, sizeof path, "%s/m2-government/credit_line.lua", ud_scenarios_root());
    if (!ud_app_start_scenario(app, path)) {
        fprintf(stderr, "unitdesa bench: cannot load %s\n", path);
        ud_app_destroy(app);
        return 1;
    }
    app->screen = SCREEN_PLAY;
    double peak_rss = resident_mb();
    for (int m = 0; m < 12; m++) {
        press(app, SDLK_SPACE);
        press(app, SDLK_ESCAPE);
        if (app->dialog == DIALOG_QUESTION) {
            press(app, SDLK_1);
        }
    }
    app->tab = TAB_REPORTS;
    ud_app_draw(app);
    const int frames = 100;
    double start = now();
    for (int i = 0; i < frames; i++) {
        app->dirty = true;
        ud_app_draw(app);
    }
    double draw_ms = (now() - start) * 1000.0 / frames;
    /* waiting for input: the loop sleeps in SDL_WaitEvent; measure CPU over 3 seconds */
    clock_t c0 = clock();
    double w0 = now();
    SDL_Event e;
    while (now() - w0 < 3.0) {
        if (SDL_WaitEventTimeout(&e, 500)) {
            ud_app_event(app, &e);
            if (app->dirty) {
                ud_app_draw(app);
            }
        }
    }
    double idle = (double)(clock() - c0) / CLOCKS_PER_SEC / (now() - w0) * 100.0;
    /* the rest of a 36-month game, as a player plays it, with the memory it holds */
    while (ud_game_end_state(app->game) == UD_END_RUNNING) {
        press(app, SDLK_SPACE);
        press(app, SDLK_ESCAPE);
        if (app->dialog == DIALOG_QUESTION) {
            press(app, SDLK_1);
        }
        double rss = resident_mb();
        peak_rss = rss > peak_rss ? rss : peak_rss;
    }
    /* the debrief: its replays (run once, on the first frame), then its drawing */
    if (app->dialog == DIALOG_MONTH_END) {
        press(app, SDLK_ESCAPE);
    }
    app->screen = SCREEN_DEBRIEF;
    ud_app_forget_debrief(app); /* measure the replays, even if the debrief was shown */
    start = now();
    ud_app_draw(app);
    double replays_ms = (now() - start) * 1000.0;
    start = now();
    for (int i = 0; i < frames; i++) {
        app->dirty = true;
        ud_app_draw(app);
    }
    double debrief_ms = (now() - start) * 1000.0 / frames;
    printf("renderer=%s width=1280 height=720 launch_ms=%.0f draw_busiest_ms=%.2f "
           "idle_cpu_percent=%.2f peak_rss_mb=%.1f months=%d debrief_first_frame_ms=%.0f "
           "draw_debrief_ms=%.2f\n",
           app->software_renderer ? "software" : "accelerated", launch * 1000.0, draw_ms, idle,
           peak_rss, ud_sim_month(ud_game_sim(app->game)), replays_ms, debrief_ms);
    ud_app_destroy(app);
    return 0;
}

/* The `unitdesa play` command: the SDL2 game. */
#ifndef UD_GUI_H
#define UD_GUI_H

int ud_cmd_play(int argc, char **argv, int first);
/* The game's benchmark (bench --gui); returns the exit status. */
int ud_bench_gui(void);

#endif

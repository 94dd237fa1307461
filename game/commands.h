/* The unitdesa commands: each takes the whole argv and the index of its first argument. */
#ifndef UD_COMMANDS_H
#define UD_COMMANDS_H

int ud_cmd_schedule(int argc, char **argv, int first);
int ud_cmd_run(int argc, char **argv, int first);
int ud_cmd_bench(int argc, char **argv, int first);
int ud_cmd_list(int argc, char **argv, int first);
int ud_cmd_check(int argc, char **argv, int first);
int ud_cmd_sweep(int argc, char **argv, int first);
int ud_cmd_compare(int argc, char **argv, int first);
int ud_cmd_class(int argc, char **argv, int first);
int ud_cmd_tournament(int argc, char **argv, int first);

#endif

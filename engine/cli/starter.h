/* sumi new (starter.c). */
#ifndef SUMI_STARTER_H
#define SUMI_STARTER_H

/* The command's arguments after "new"; returns the exit code. */
int sumi_new_main(int argc, char **argv);

#endif

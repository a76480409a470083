/* SPDX-License-Identifier: MIT */
/*
 * Replays the committed fuzz corpus (tests/fuzz/corpus/, or the directories
 * given) through LLVMFuzzerTestOneInput() of tests/fuzz/fuzz_api.c, with any
 * compiler: `make check` runs it. A broken promise aborts (the test fails and
 * the input's name is the last line printed). Prints TAP: one point per file.
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_dir(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    static uint8_t buf[1 << 16];

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL) {
        char path[4096];
        FILE *f;
        size_t len;

        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if ((f = fopen(path, "rb")) == NULL)
            continue;
        len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        fprintf(stderr, "replaying %s\n", e->d_name);
        LLVMFuzzerTestOneInput(buf, len);
        printf("ok %d - %s\n", ++*n, e->d_name);
        fflush(stdout);
    }
    closedir(d);
    return 0;
}

int main(int argc, char **argv)
{
    int n = 0, i;
    char dir[4096];
    const char *src = getenv("top_srcdir");

    if (argc > 1) {
        for (i = 1; i < argc; i++)
            if (replay_dir(argv[i], &n) != 0)
                fprintf(stderr, "cannot read %s\n", argv[i]);
    } else {
        snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus", src != NULL ? src : ".");
        if (replay_dir(dir, &n) != 0) {
            printf("1..0 # SKIP no corpus at %s\n", dir);
            return 0;
        }
    }
    printf("1..%d\n", n);
    return n > 0 ? 0 : 1;
}

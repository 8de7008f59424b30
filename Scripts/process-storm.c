// SPDX-License-Identifier: Apache-2.0
// A storm of short-lived processes, for the memory benchmark and the live stress tests:
// process-storm COUNT [THREADS] forks COUNT children, one after the other; each opens and closes a
// file, starts THREADS threads that make a few system calls and are joined, and exits. Every tenth
// child execs /bin/true instead, so exec and the loader's opens are in the capture too.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg) {
    (void)arg;
    for (int i = 0; i < 4; i++) getppid();
    return NULL;
}

int main(int argc, char **argv) {
    long count = argc > 1 ? atol(argv[1]) : 1000;
    int threads = argc > 2 ? atoi(argv[2]) : 2;
    for (long n = 0; n < count; n++) {
        pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            if (n % 10 == 9) {
                execl("/bin/true", "true", (char *)NULL);
                _exit(127);
            }
            int fd = open("/etc/hostname", O_RDONLY);
            if (fd >= 0) close(fd);
            pthread_t t[16];
            if (threads > 16) threads = 16;
            for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, NULL);
            for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
            _exit(0);
        }
        waitpid(pid, NULL, 0);
    }
    return 0;
}

/*
 * The C floor of the serving benchmark: the least an HTTP server can do per request. One epoll
 * loop per thread on a shared SO_REUSEPORT port; each request (headers, then Content-Length bytes
 * of body) is answered with the same fixed response, keep-alive. No parsing beyond that, no
 * allocation per request. Usage: floor PORT THREADS BODY
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUFFER 65536
#define MAX_CONNECTIONS 4096

static int port;
static char response[8192];
static size_t response_length;

typedef struct {
    char data[BUFFER];
    size_t used;
} connection;

static connection *connections[MAX_CONNECTIONS];

static int listener(void) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(fd, (struct sockaddr *) &address, sizeof address) != 0 || listen(fd, 1024) != 0) {
        perror("bind/listen");
        exit(1);
    }
    return fd;
}

/* Answers every complete request in the buffer; returns -1 when the connection should close. */
static int answer(int fd, connection *c) {
    for (;;) {
        char *end = memmem(c->data, c->used, "\r\n\r\n", 4);
        if (end == NULL) {
            return c->used == BUFFER ? -1 : 0;
        }
        size_t headers = (size_t) (end - c->data) + 4;
        size_t body = 0;
        for (char *line = c->data; line < end; line = memchr(line, '\n', (size_t) (end - line)) + 1) {
            if (strncasecmp(line, "Content-Length:", 15) == 0) {
                body = strtoul(line + 15, NULL, 10);
            }
            if (memchr(line, '\n', (size_t) (end - line)) == NULL) {
                break;
            }
        }
        if (c->used < headers + body) {
            return headers + body > BUFFER ? -1 : 0;
        }
        if (write(fd, response, response_length) != (ssize_t) response_length) {
            return -1;
        }
        memmove(c->data, c->data + headers + body, c->used - headers - body);
        c->used -= headers + body;
    }
}

static void *serve(void *unused) {
    (void) unused;
    int server = listener();
    int events = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = server};
    epoll_ctl(events, EPOLL_CTL_ADD, server, &event);
    struct epoll_event ready[256];
    for (;;) {
        int n = epoll_wait(events, ready, 256, -1);
        for (int i = 0; i < n; i++) {
            int fd = ready[i].data.fd;
            if (fd == server) {
                int client;
                while ((client = accept4(server, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    if (client >= MAX_CONNECTIONS) {
                        close(client);
                        continue;
                    }
                    int one = 1;
                    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    connections[client] = calloc(1, sizeof(connection));
                    struct epoll_event readable = {.events = EPOLLIN, .data.fd = client};
                    epoll_ctl(events, EPOLL_CTL_ADD, client, &readable);
                }
                continue;
            }
            connection *c = connections[fd];
            ssize_t got = read(fd, c->data + c->used, BUFFER - c->used);
            if (got <= 0 && !(got < 0 && errno == EAGAIN)) {
                close(fd);
                free(c);
                connections[fd] = NULL;
                continue;
            }
            if (got > 0) {
                c->used += (size_t) got;
                if (answer(fd, c) < 0) {
                    close(fd);
                    free(c);
                    connections[fd] = NULL;
                }
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: floor PORT THREADS BODY\n");
        return 2;
    }
    port = atoi(argv[1]);
    int threads = atoi(argv[2]);
    response_length = (size_t) snprintf(response, sizeof response,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(argv[3]), argv[3]);
    pthread_t workers[64];
    for (int t = 0; t < threads && t < 64; t++) {
        pthread_create(&workers[t], NULL, serve, NULL);
    }
    pthread_join(workers[0], NULL);
    return 0;
}

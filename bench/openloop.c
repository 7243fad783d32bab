/*
 * openloop: HTTP/1.1 GET load at a fixed arrival rate, for "R requests/s at p99 <= X ms" targets.
 *
 * wrk is a closed loop: each connection sends its next request only after the previous answer, so
 * it measures the ceiling and hides the wait of requests that would have arrived during a stall.
 * Here request i is due at start + i / rate whatever happened before; it goes out on a free
 * keep-alive connection (or waits for one), and its latency is counted from when it was due, so a
 * stall shows up in every request it delayed.
 *
 *   openloop -r RATE -d SECONDS -c CONNECTIONS -u PATH_FORMAT -n IDS [-H 'Name: value'] HOST PORT
 *
 * PATH_FORMAT takes one integer, drawn uniformly from [0, IDS), e.g. /api/v1/users/user-%08d/entitlements.
 * Prints one line: key=value pairs (latencies in ms).
 * Build: gcc -O2 -o openloop openloop.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNECTIONS 1024
#define RECV_BUFFER (1 << 20)

typedef struct {
    int fd;
    int busy;
    double due;          /* when the request now on this connection was due (s) */
    char *in;
    size_t in_len;
} Connection;

static Connection connections[MAX_CONNECTIONS];
static int connection_count;
static struct sockaddr_in server;
static int epoll_fd;
static char headers[8192];
static const char *path_format;
static const char *host_name;
static long ids;

static double *latencies;
static long completed, failed_status, errors;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static void connect_one(Connection *c) {
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0) die("socket");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, (struct sockaddr *) &server, sizeof server) < 0) die("connect");
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl");
    c->busy = 0;
    c->in_len = 0;
}

static void reconnect(Connection *c) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    connect_one(c);
}

static void send_request(Connection *c, double due) {
    char request[16384];
    char path[2048];
    snprintf(path, sizeof path, path_format, (int) (random() % ids));
    int n = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: %s\r\n%s\r\n", path, host_name, headers);
    /* a request is a few hundred bytes: the socket buffer takes it whole */
    if (write(c->fd, request, n) != n) {
        errors++;
        reconnect(c);
        return;
    }
    c->busy = 1;
    c->due = due;
    c->in_len = 0;
}

/* Length of a complete response at the start of the buffer, 0 if incomplete. */
static size_t complete_response(const char *buf, size_t len) {
    const char *end = memmem(buf, len, "\r\n\r\n", 4);
    if (!end) return 0;
    size_t head = end - buf + 4;
    const char *p = buf;
    while (p < end) {
        const char *eol = memmem(p, end - p + 2, "\r\n", 2);
        if (!eol) break;
        if (eol - p > 15 && strncasecmp(p, "content-length:", 15) == 0) {
            size_t body = strtoul(p + 15, NULL, 10);
            return len >= head + body ? head + body : 0;
        }
        if (eol - p > 18 && strncasecmp(p, "transfer-encoding:", 18) == 0) {
            const char *last = memmem(buf + head, len - head, "\r\n0\r\n\r\n", 7);
            if (len - head >= 5 && memcmp(buf + head, "0\r\n\r\n", 5) == 0) return head + 5;
            return last ? (size_t) (last - buf) + 7 : 0;
        }
        p = eol + 2;
    }
    return head;
}

static void on_readable(Connection *c, double now) {
    for (;;) {
        ssize_t n = read(c->fd, c->in + c->in_len, RECV_BUFFER - c->in_len);
        if (n > 0) {
            c->in_len += n;
            if (c->in_len == RECV_BUFFER) break;
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            if (c->busy) errors++;
            reconnect(c);
            return;
        }
        break;
    }
    if (!c->busy) return;
    size_t whole = complete_response(c->in, c->in_len);
    if (whole == 0) return;
    int status = c->in_len > 12 ? atoi(c->in + 9) : 0;
    if (status < 200 || status > 299) failed_status++;
    latencies[completed++] = (now - c->due) * 1000.0;
    c->busy = 0;
    c->in_len = 0;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double percentile(double p) {
    if (completed == 0) return 0;
    long i = (long) (p / 100.0 * completed);
    if (i >= completed) i = completed - 1;
    return latencies[i];
}

int main(int argc, char **argv) {
    double rate = 1000, duration = 10;
    int opt;
    headers[0] = 0;
    while ((opt = getopt(argc, argv, "r:d:c:u:n:H:")) != -1) {
        switch (opt) {
            case 'r': rate = atof(optarg); break;
            case 'd': duration = atof(optarg); break;
            case 'c': connection_count = atoi(optarg); break;
            case 'u': path_format = optarg; break;
            case 'n': ids = atol(optarg); break;
            case 'H':
                strncat(headers, optarg, sizeof headers - strlen(headers) - 3);
                strcat(headers, "\r\n");
                break;
            default: fprintf(stderr, "usage: openloop -r RATE -d SECONDS -c CONNECTIONS -u PATH -n IDS [-H header] HOST PORT\n"); return 2;
        }
    }
    if (optind + 2 != argc || !path_format || ids <= 0 || connection_count <= 0 || connection_count > MAX_CONNECTIONS) {
        fprintf(stderr, "usage: openloop -r RATE -d SECONDS -c CONNECTIONS -u PATH -n IDS [-H header] HOST PORT\n");
        return 2;
    }
    host_name = argv[optind];
    server.sin_family = AF_INET;
    server.sin_port = htons(atoi(argv[optind + 1]));
    if (inet_pton(AF_INET, host_name, &server.sin_addr) != 1) die("host must be an IPv4 address");
    srandom(time(NULL));

    long planned = (long) (rate * duration);
    latencies = calloc(planned + 1, sizeof(double));
    double *waiting = calloc(planned + 1, sizeof(double)); /* due times of requests with no free connection */
    long waiting_head = 0, waiting_tail = 0;
    epoll_fd = epoll_create1(0);
    for (int i = 0; i < connection_count; i++) {
        connections[i].in = malloc(RECV_BUFFER);
        connect_one(&connections[i]);
    }

    double start = now_s();
    long issued = 0;
    struct epoll_event events[MAX_CONNECTIONS];
    for (;;) {
        double now = now_s();
        while (issued < planned && start + issued / rate <= now) {
            waiting[waiting_tail++] = start + issued / rate;
            issued++;
        }
        for (int i = 0; i < connection_count && waiting_head < waiting_tail; i++) {
            if (!connections[i].busy) send_request(&connections[i], waiting[waiting_head++]);
        }
        if (issued == planned && completed + errors >= planned) break;
        if (now > start + duration + 30) break; /* answers that never came: reported as missing */
        int timeout_ms = 1;
        int n = epoll_wait(epoll_fd, events, MAX_CONNECTIONS, timeout_ms);
        now = now_s();
        for (int i = 0; i < n; i++) on_readable(events[i].data.ptr, now);
    }
    double elapsed = now_s() - start;
    qsort(latencies, completed, sizeof(double), by_value);
    printf("planned=%ld completed=%ld non2xx=%ld errors=%ld missing=%ld rate=%.1f p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f\n",
           planned, completed, failed_status, errors, planned - completed - errors, completed / elapsed,
           percentile(50), percentile(90), percentile(99), percentile(99.9), completed ? latencies[completed - 1] : 0);
    return failed_status || errors || completed < planned ? 1 : 0;
}

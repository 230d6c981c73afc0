/*
 * openloop: the open-loop, fixed-rate HTTP/1.1 load generator of bench.sh, in C so that it costs the box a few
 * microseconds of CPU per request instead of the ~20 of the JVM client (OpenLoopClient, same arguments, same
 * report). Request i is due at start + i / rate whatever happened to the ones before; its latency runs from that
 * intended time to the end of its response, so a stalled server is charged for every request it kept waiting
 * (no coordinated omission). Due requests go out over at most `connections` keep-alive connections, one in flight
 * each; requests that find them all busy wait in the client's queue, on the clock. The loop sleeps until the next
 * request is due (at most TICK_NANOS late), never spins.
 *
 * Usage: openloop url path kind accounts rate seconds warmupSeconds connections apiKey
 *   url http://host:port; kind limit-check | hold; accounts: ids acc-000001 .. acc-<accounts>.
 * Prints one JSON line: requests, seconds, rps, offeredRps, p50/p90/p99/p999/maxMillis, non2xx, socketErrors,
 * unanswered, errorKinds. Build: gcc -O2 -o openloop openloop.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TICK_NANOS 50000LL            /* longest sleep past a due time */
#define TIMEOUT_NANOS 5000000000LL    /* a response slower than this is an error (connection closed) */
#define DRAIN_NANOS 10000000000LL     /* after the last due time, wait at most this for answers */
#define BUFFER 65536
#define SUB_BITS 10                   /* histogram: 1024 sub-buckets per power of two, about 0.1 % */
#define SUB_COUNT (1 << SUB_BITS)
#define HALF (SUB_COUNT / 2)
#define BANDS 40

typedef struct {
  int fd;
  int busy;
  long long intended;   /* intended send time of the request in flight */
  long long sentAt;
  char in[BUFFER];
  int used;
} Conn;

static long long histogram[BANDS * HALF + HALF];
static long long recorded, maxValue;
static struct sockaddr_in address;
static char host[256];
static int port;
static const char *path, *kind, *apiKey;
static long accounts;
static unsigned long long seed = 88172645463325252ULL;
static long long socketErrors, timeouts, resets, connectFailures;

static long long nowNanos(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static unsigned long long nextRandom(void) {
  seed ^= seed << 13;
  seed ^= seed >> 7;
  seed ^= seed << 17;
  return seed;
}

static int indexOf(long long value) {
  unsigned long long v = (unsigned long long) value | (SUB_COUNT - 1);
  int band = 63 - __builtin_clzll(v) - (SUB_BITS - 1);
  if (band >= BANDS) {
    band = BANDS - 1;
    value = ((long long) SUB_COUNT << band) - 1;
  }
  int sub = (int) (value >> band);
  return band == 0 ? sub : band * HALF + sub;
}

static long long valueOf(int index) {
  if (index < SUB_COUNT) {
    return index;
  }
  int band = index / HALF - 1; /* band b >= 1 holds sub-buckets HALF .. SUB_COUNT-1 at indexes b*HALF + sub */
  int sub = index - band * HALF;
  return ((long long) sub << band) + ((1LL << band) - 1); /* the bucket's highest value */
}

static void record(long long nanos) {
  long long micros = nanos / 1000;
  if (micros < 0) {
    micros = 0;
  }
  histogram[indexOf(micros)]++;
  recorded++;
  if (micros > maxValue) {
    maxValue = micros;
  }
}

static double percentileMillis(double percentile) {
  if (recorded == 0) {
    return 0;
  }
  long long wanted = (long long) (percentile / 100.0 * recorded + 0.5);
  if (wanted < 1) {
    wanted = 1;
  }
  long long seen = 0;
  for (int i = 0; i < (int) (sizeof histogram / sizeof histogram[0]); i++) {
    seen += histogram[i];
    if (seen >= wanted) {
      long long v = valueOf(i);
      return (v > maxValue ? maxValue : v) / 1000.0;
    }
  }
  return maxValue / 1000.0;
}

static int openConnection(int epoll, Conn *conn) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *) &address, sizeof address) != 0) {
    if (fd >= 0) {
      close(fd);
    }
    connectFailures++;
    conn->fd = -1;
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  struct epoll_event event = {.events = EPOLLIN, .data.ptr = conn};
  epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
  conn->fd = fd;
  conn->busy = 0;
  conn->used = 0;
  return 0;
}

static void closeConnection(int epoll, Conn *conn) {
  if (conn->fd >= 0) {
    epoll_ctl(epoll, EPOLL_CTL_DEL, conn->fd, NULL);
    close(conn->fd);
  }
  conn->fd = -1;
  conn->busy = 0;
  conn->used = 0;
}

static int sendRequest(Conn *conn) {
  char body[160];
  char request[1024];
  long id = (long) (nextRandom() % (unsigned long long) accounts) + 1;
  int bodyLength = strcmp(kind, "hold") == 0
      ? snprintf(body, sizeof body, "{\"accountId\":\"acc-%06ld\",\"amount\":100,\"ttlSeconds\":60}", id)
      : snprintf(body, sizeof body, "{\"accountId\":\"acc-%06ld\",\"amount\":15000}", id);
  int length = snprintf(request, sizeof request,
      "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\n"
      "Content-Length: %d\r\n\r\n%s", path, host, port, apiKey, bodyLength, body);
  int written = 0;
  while (written < length) {
    ssize_t n = write(conn->fd, request + written, (size_t) (length - written));
    if (n <= 0) {
      return -1; /* a fresh request on an idle keep-alive connection never fills the socket buffer */
    }
    written += (int) n;
  }
  return 0;
}

/* The length of one complete response at the start of conn->in (and its status), or 0 while incomplete. */
static int completeResponse(Conn *conn, int *status, int *closeAfter) {
  char *end = memmem(conn->in, (size_t) conn->used, "\r\n\r\n", 4);
  if (end == NULL) {
    return 0;
  }
  int headLength = (int) (end - conn->in) + 4;
  *status = conn->used >= 12 ? atoi(conn->in + 9) : 0;
  long contentLength = 0;
  *closeAfter = 0;
  for (char *line = strstr(conn->in, "\r\n"); line != NULL && line < end; line = strstr(line + 2, "\r\n")) {
    char *field = line + 2;
    if (strncasecmp(field, "content-length:", 15) == 0) {
      contentLength = strtol(field + 15, NULL, 10);
    } else if (strncasecmp(field, "connection:", 11) == 0 && strcasestr(field, "close") != NULL
        && strcasestr(field, "close") < strstr(field, "\r\n")) {
      *closeAfter = 1;
    }
  }
  if (conn->used < headLength + contentLength) {
    return 0;
  }
  return headLength + (int) contentLength;
}

int main(int argc, char **argv) {
  if (argc != 10) {
    fprintf(stderr, "usage: openloop url path kind accounts rate seconds warmupSeconds connections apiKey\n");
    return 2;
  }
  if (sscanf(argv[1], "http://%255[^:/]:%d", host, &port) != 2) {
    fprintf(stderr, "url must be http://host:port\n");
    return 2;
  }
  path = argv[2];
  kind = argv[3];
  accounts = atol(argv[4]);
  double rate = atof(argv[5]);
  long long seconds = atoll(argv[6]);
  long long warmupSeconds = atoll(argv[7]);
  int connections = atoi(argv[8]);
  apiKey = argv[9];
  if (accounts <= 0 || rate <= 0 || seconds <= 0 || warmupSeconds < 0 || connections <= 0) {
    fprintf(stderr, "accounts, rate, seconds and connections must be positive\n");
    return 2;
  }
  struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *resolved;
  if (getaddrinfo(host, NULL, &hints, &resolved) != 0) {
    fprintf(stderr, "cannot resolve %s\n", host);
    return 2;
  }
  address = *(struct sockaddr_in *) resolved->ai_addr;
  address.sin_port = htons((uint16_t) port);
  freeaddrinfo(resolved);
  seed ^= (unsigned long long) nowNanos();
  prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0); /* wake within a microsecond of the due time, not the default 50 */

  int epoll = epoll_create1(0);
  Conn *conns = calloc((size_t) connections, sizeof(Conn));
  int *idle = malloc(sizeof(int) * (size_t) connections);
  int idleCount = 0;
  for (int i = 0; i < connections; i++) {
    if (openConnection(epoll, &conns[i]) == 0) {
      idle[idleCount++] = i;
    }
  }
  if (idleCount == 0) {
    fprintf(stderr, "cannot connect to %s:%d\n", host, port);
    return 1;
  }

  long long total = (long long) (rate * (double) (seconds + warmupSeconds));
  long long *queue = malloc(sizeof(long long) * (size_t) total); /* intended times of due, unsent requests */
  long long queueHead = 0, queued = 0;
  long long sent = 0, answered = 0, measured = 0, non2xx = 0;
  long long start = nowNanos();
  long long firstMeasured = start + warmupSeconds * 1000000000LL;
  long long lastAnswered = firstMeasured;
  long long lastIntended = start + (long long) ((double) (total - 1) * 1e9 / rate);
  long long nextTimeoutScan = start;
  struct epoll_event events[256];

  for (;;) {
    long long now = nowNanos();
    long long due = (long long) ((double) (now - start) * rate / 1e9) + 1;
    if (due > total) {
      due = total;
    }
    while (queued < due) {
      queue[queued] = start + (long long) ((double) queued * 1e9 / rate);
      queued++;
    }
    while (queueHead < queued && idleCount > 0) {
      Conn *conn = &conns[idle[--idleCount]];
      conn->intended = queue[queueHead++];
      conn->sentAt = now;
      conn->busy = 1;
      sent++;
      if (sendRequest(conn) != 0) {
        socketErrors++;
        resets++;
        answered++;
        int index = (int) (conn - conns);
        closeConnection(epoll, conn);
        if (openConnection(epoll, conn) == 0) {
          idle[idleCount++] = index;
        }
      }
    }
    if (answered >= total || (queued == total && now - lastIntended > DRAIN_NANOS)) {
      break;
    }
    if (now >= nextTimeoutScan) {
      nextTimeoutScan = now + 100000000LL;
      for (int i = 0; i < connections; i++) {
        Conn *conn = &conns[i];
        if (conn->fd < 0 && openConnection(epoll, conn) == 0) {
          idle[idleCount++] = i;
        } else if (conn->busy && now - conn->sentAt > TIMEOUT_NANOS) {
          timeouts++;
          socketErrors += conn->intended >= firstMeasured;
          answered++;
          closeConnection(epoll, conn);
          if (openConnection(epoll, conn) == 0) {
            idle[idleCount++] = i;
          }
        }
      }
    }
    long long nextDue = queued < total ? start + (long long) ((double) queued * 1e9 / rate) : now + TICK_NANOS * 20;
    long long wait = nextDue - now;
    if (queueHead < queued) {
      wait = TICK_NANOS * 20; /* all connections busy: only an answer can free one */
    }
    if (wait < TICK_NANOS) {
      wait = wait <= 0 ? 0 : TICK_NANOS;
    }
    struct timespec timeout = {.tv_sec = wait / 1000000000LL, .tv_nsec = wait % 1000000000LL};
    int ready = epoll_pwait2(epoll, events, 256, &timeout, NULL);
    now = nowNanos();
    for (int e = 0; e < ready; e++) {
      Conn *conn = events[e].data.ptr;
      int index = (int) (conn - conns);
      for (;;) {
        ssize_t n = read(conn->fd, conn->in + conn->used, (size_t) (BUFFER - 1 - conn->used));
        if (n > 0) {
          conn->used += (int) n;
          conn->in[conn->used] = 0;
          int status, closeAfter;
          int length = completeResponse(conn, &status, &closeAfter);
          if (length > 0 && conn->busy) {
            answered++;
            if (conn->intended >= firstMeasured) {
              measured++;
              record(now - conn->intended);
              if (status / 100 != 2) {
                non2xx++;
              }
              if (now > lastAnswered) {
                lastAnswered = now;
              }
            }
            memmove(conn->in, conn->in + length, (size_t) (conn->used - length));
            conn->used -= length;
            conn->busy = 0;
            if (closeAfter) {
              closeConnection(epoll, conn);
              if (openConnection(epoll, conn) == 0) {
                idle[idleCount++] = index;
              }
              break;
            }
            idle[idleCount++] = index;
            break; /* one request in flight per connection: nothing more to read until the next one */
          }
          continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
          break;
        }
        /* closed by the server, or an error: the request in flight (if any) failed */
        if (conn->busy) {
          answered++;
          resets++;
          socketErrors += conn->intended >= firstMeasured;
        }
        closeConnection(epoll, conn);
        if (openConnection(epoll, conn) == 0) {
          idle[idleCount++] = index;
        }
        break;
      }
    }
  }

  double elapsed = (double) (lastAnswered - firstMeasured) / 1e9;
  if (elapsed < 1e-9) {
    elapsed = 1e-9;
  }
  printf("{\"requests\":%lld,\"seconds\":%.3f,\"rps\":%.1f,\"offeredRps\":%.1f,\"p50Millis\":%.3f,"
      "\"p90Millis\":%.3f,\"p99Millis\":%.3f,\"p999Millis\":%.3f,\"maxMillis\":%.3f,\"non2xx\":%lld,"
      "\"socketErrors\":%lld,\"unanswered\":%lld,\"errorKinds\":\"{timeouts=%lld, resets=%lld, "
      "connectFailures=%lld}\"}\n",
      measured, elapsed, (double) measured / elapsed, rate, percentileMillis(50), percentileMillis(90),
      percentileMillis(99), percentileMillis(99.9), maxValue / 1000.0, non2xx, socketErrors, total - answered,
      timeouts, resets, connectFailures);
  return 0;
}

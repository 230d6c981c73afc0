package com.creditgate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-head deadline of one HTTP/1.x connection, installed by {@link HeadReadDeadline}: this handler sits
 * before the HTTP decoder and sees the bytes, {@link #messages()} sits after the encoder and sees the decoded
 * requests and the responses written. A head is due from the connection's start, and again from the first byte
 * read after a request has ended; it is done when the decoder emits the request. A head still incomplete at the end
 * of a read arms one Netty timer (a head that arrives whole in one read, the usual case, costs no timer and no clock
 * read); the timer re-arms itself while heads keep completing in time. Past the deadline: 408 when part of a head
 * arrived and no answer is being written (an answer could otherwise be cut in two), else just the close.
 *
 * <p>Bytes left in the decoder behind a pipelined request start their deadline at the next read, not at once.
 * Not thread-safe: used on the channel's event loop only.
 */
final class HeadWatch extends ChannelInboundHandlerAdapter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(HeadWatch.class);

  private final long deadlineNanos;
  private final byte[] timeoutAnswer;
  private ChannelHandlerContext ctx;
  /** A head is due: since the start, or since a byte read after the previous request ended. */
  private boolean headDue;
  /** Some byte of the due head has arrived. */
  private boolean headStarted;
  /** Between a request's head and the end of its body: bytes read now are body, not head. */
  private boolean inBody;
  /** Requests whose answer has not been written to its end. */
  private int unanswered;
  private long headDueSinceNanos;
  private ScheduledFuture<?> timer;

  HeadWatch(long deadlineNanos, byte[] timeoutAnswer) {
    this.deadlineNanos = deadlineNanos;
    this.timeoutAnswer = timeoutAnswer;
  }

  /** The handler that goes after the HTTP encoder. */
  ChannelDuplexHandler messages() {
    return new Messages();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    headDue = true;
    headDueSinceNanos = now();
    arm(deadlineNanos);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean opened = false;
    if (!inBody && msg instanceof ByteBuf) {
      opened = !headDue;
      headDue = true;
      headStarted = true;
    }
    ctx.fireChannelRead(msg);
    if (opened && headDue) {
      headDueSinceNanos = now();
      if (timer == null) {
        arm(deadlineNanos);
      }
    }
  }

  /** The timer: closes the connection when the due head is late, or re-arms for the head due now. */
  @Override
  public void run() {
    timer = null;
    if (!headDue || !ctx.channel().isActive()) {
      return;
    }
    long leftNanos = headDueSinceNanos + deadlineNanos - now();
    if (leftNanos > 0) {
      arm(leftNanos);
      return;
    }
    headDue = false;
    LOG.debug("closing {}: request head incomplete after {} ms", ctx.channel().remoteAddress(),
        TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
    if (headStarted && unanswered == 0) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(timeoutAnswer)); // small: on the socket before the close below
    }
    ctx.close();
  }

  private void arm(long delayNanos) {
    timer = ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
  }

  private long now() {
    return ctx.executor().ticker().nanoTime();
  }

  /** After the encoder: a decoded request ends the due head; a response written to its end answers one. */
  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        headDue = false;
        headStarted = false;
        inBody = true;
        unanswered++;
      }
      if (msg instanceof LastHttpContent) {
        inBody = false;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
          && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
        unanswered--;
      }
      ctx.write(msg, promise);
    }
  }
}

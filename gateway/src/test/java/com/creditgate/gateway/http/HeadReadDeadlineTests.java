package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HeadReadDeadline} and {@link HeadWatch} on an embedded channel shaped like Vert.x's HTTP/1.x pipeline,
 * under the channel's frozen clock: every deadline here passes by {@code advanceTimeBy}, never by waiting.
 */
class HeadReadDeadlineTests {
  private static final long DEADLINE_MILLIS = 1_000;
  private static final String LIVE = "GET /health/live HTTP/1.1\r\nHost: cg\r\n\r\n";

  /** decoder, encoder and nothing after them: requests stay in the channel's inbound queue, as if being served. */
  private static EmbeddedChannel http1Channel() {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.freezeTime();
    channel.pipeline().addLast(HeadReadDeadline.DECODER, new HttpRequestDecoder());
    channel.pipeline().addLast(HeadReadDeadline.ENCODER, new HttpResponseEncoder());
    assertThat(new HeadReadDeadline(DEADLINE_MILLIS).install(channel.pipeline())).isTrue();
    return channel;
  }

  private static void send(EmbeddedChannel channel, String bytes) {
    channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
  }

  private static void answer(EmbeddedChannel channel) {
    channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    ((ByteBuf) channel.readOutbound()).release();
  }

  private static void pass(EmbeddedChannel channel, long millis) {
    channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
  }

  private static String written(EmbeddedChannel channel) {
    StringBuilder text = new StringBuilder();
    for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
      text.append(buffer.toString(StandardCharsets.UTF_8));
      buffer.release();
    }
    return text.toString();
  }

  @Test
  void aPipelineWithoutAnHttp1DecoderIsLeftAsItIs() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    assertThat(new HeadReadDeadline(DEADLINE_MILLIS).install(channel.pipeline())).isFalse();
    assertThat(channel.pipeline().get(HeadReadDeadline.BYTES_HANDLER)).isNull();
    assertThat(channel.pipeline().get(HeadReadDeadline.MESSAGES_HANDLER)).isNull();
  }

  @Test
  void aHeadStillIncompleteAtTheDeadlineIs408AndTheConnectionCloses() {
    EmbeddedChannel channel = http1Channel();
    send(channel, "GET /health/live HTTP/1.1\r\nHo");
    pass(channel, DEADLINE_MILLIS - 1);
    assertThat(channel.isActive()).as("open until the deadline").isTrue();
    pass(channel, 1);
    assertThat(channel.isActive()).isFalse();
    assertThat(written(channel)).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("\"code\":\"request-timeout\"");
  }

  @Test
  void theFirstHeadIsDueFromTheAcceptAndNothingIsAnsweredWhenNoByteCame() {
    EmbeddedChannel channel = http1Channel();
    pass(channel, DEADLINE_MILLIS);
    assertThat(channel.isActive()).isFalse();
    assertThat(written(channel)).isEmpty();
  }

  @Test
  void aKeepAliveConnectionWaitingForItsNextRequestHasNoHeadDeadline() {
    EmbeddedChannel channel = http1Channel();
    send(channel, LIVE);
    answer(channel);
    pass(channel, 10 * DEADLINE_MILLIS);
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void aLaterHeadIsDueFromItsFirstByte() {
    EmbeddedChannel channel = http1Channel();
    send(channel, LIVE);
    answer(channel);
    pass(channel, 5 * DEADLINE_MILLIS);
    send(channel, "GET /health/live HTTP/1.1\r\n");
    pass(channel, DEADLINE_MILLIS - 1);
    send(channel, "Host: cg\r\n");
    assertThat(channel.isActive()).as("its deadline runs from the first byte").isTrue();
    pass(channel, 1);
    assertThat(channel.isActive()).isFalse();
    assertThat(written(channel)).startsWith("HTTP/1.1 408");
  }

  @Test
  void aHeadCompletedInTimeDisarmsItsDeadline() {
    EmbeddedChannel channel = http1Channel();
    send(channel, "GET /health/live HTTP/1.1\r\n");
    pass(channel, DEADLINE_MILLIS / 2);
    send(channel, "Host: cg\r\n\r\n");
    answer(channel);
    pass(channel, 10 * DEADLINE_MILLIS);
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void aLateHeadBehindAnUnansweredRequestClosesWithoutA408() {
    EmbeddedChannel channel = http1Channel();
    send(channel, LIVE);
    send(channel, "GET /health/live HTTP/1.1\r\n");
    pass(channel, DEADLINE_MILLIS);
    assertThat(channel.isActive()).isFalse();
    assertThat(written(channel)).as("a 408 could land inside the answer still due").isEmpty();
  }

  @Test
  void aBodyIsNotAHead() {
    EmbeddedChannel channel = http1Channel();
    send(channel, "POST /v1/holds HTTP/1.1\r\nHost: cg\r\nContent-Length: 10\r\n\r\n{\"a\"");
    pass(channel, 5 * DEADLINE_MILLIS);
    send(channel, ":1}");
    assertThat(channel.isActive()).as("the body deadline is BodyIntake's").isTrue();
  }

  @Test
  void anInterimAnswerDoesNotCountAsTheAnswer() {
    EmbeddedChannel channel = http1Channel();
    send(channel, "POST /v1/holds HTTP/1.1\r\nHost: cg\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}");
    channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    written(channel);
    send(channel, "GET /health/live HTTP/1.1\r\n");
    pass(channel, DEADLINE_MILLIS);
    assertThat(channel.isActive()).isFalse();
    assertThat(written(channel)).as("the POST is still unanswered").isEmpty();
  }
}

package dev.sqlfeed.ports.fullsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.SyncRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The full sync's staging thread: order, errors as thrown, and nothing staged after close. */
class StagingWriterTest {
  @Test
  void batchesAreStagedInTheOrderHandedOver_andFinishWaitsForTheLast() {
    Recording write = new Recording(-1);
    try (StagingWriter writer = new StagingWriter(write, "test-staging")) {
      for (int i = 0; i < 20; i++) {
        writer.put(List.of(resource(i)));
      }
      writer.finish();
      assertThat(write.staged).hasSize(20);
      for (int i = 0; i < 20; i++) {
        assertThat(write.staged.get(i).resource().resourceId()).isEqualTo("r" + i);
      }
    }
  }

  @Test
  void aBatchTheStoreRefuses_isThrownUnchanged_byTheNextPutOrFinish() {
    Recording write = new Recording(3);
    try (StagingWriter writer = new StagingWriter(write, "test-staging")) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  writer.put(List.of(resource(i)));
                }
                writer.finish();
              })
          .isSameAs(write.refusal);
      // Nothing after the refused batch was staged.
      assertThat(write.staged).hasSize(3);
    }
  }

  @Test
  void close_waitsForTheBatchBeingStaged_andStagesNoMore() throws Exception {
    Recording write = new Recording(-1);
    CountDownLatch staging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    write.onPut =
        () -> {
          staging.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    StagingWriter writer = new StagingWriter(write, "test-staging");
    writer.put(List.of(resource(0)));
    assertThat(staging.await(5, TimeUnit.SECONDS)).isTrue();
    writer.put(List.of(resource(1)));
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    releaser.start();
    writer.close();
    int afterClose = write.staged.size();
    releaser.join();
    assertThat(afterClose).isEqualTo(1);
    assertThat(write.staged).hasSize(1);
  }

  private static Resource resource(int i) {
    return new Resource(new ResourceRef("user", "r" + i), "r" + i, null, null, Map.of());
  }

  /** Records staged resources; refuses the batch after {@code refuseAfter} (never if negative). */
  private static final class Recording implements FullSyncWrite {
    final List<Resource> staged = Collections.synchronizedList(new ArrayList<>());
    final RuntimeException refusal = new IllegalStateException("refused");
    final int refuseAfter;
    volatile Runnable onPut = () -> {};

    Recording(int refuseAfter) {
      this.refuseAfter = refuseAfter;
    }

    @Override
    public void put(List<? extends MirrorRecord> batch) {
      if (staged.size() == refuseAfter) {
        throw refusal;
      }
      batch.forEach(r -> staged.add((Resource) r));
      onPut.run();
    }

    @Override
    public SyncRun commit(Instant endedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SyncRun fail(Instant endedAt, String message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}

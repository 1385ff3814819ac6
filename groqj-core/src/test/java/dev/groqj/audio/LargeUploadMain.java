package dev.groqj.audio;

import dev.groqj.ChildJvm;
import dev.groqj.resilience.Sleeper;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by {@link LargeUploadHeapTest} in a JVM with a small heap: transcribes the file {@code args[1]} through the
 * real pipeline to the server at {@code args[0]}, then prints what it sent and how much heap it ever used.
 */
public final class LargeUploadMain {
    private LargeUploadMain() {
    }

    public static void main(String[] args) {
        AudioService audio = new AudioService(LoopbackServer.apiClient(args[0], 0, Sleeper.SYSTEM));
        AtomicLong sent = new AtomicLong();
        AtomicLong total = new AtomicLong();

        Transcription t = audio.transcribe(TranscriptionRequest.builder()
                .file(Path.of(args[1]))
                .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO)
                .progressListener((s, n) -> {
                    sent.set(s);
                    total.set(n);
                })
                .build());

        System.out.println("text=" + t.text() + " sent=" + sent + " total=" + total
                + " maxHeap=" + Runtime.getRuntime().maxMemory() + " peakHeap=" + ChildJvm.peakHeap());
    }
}

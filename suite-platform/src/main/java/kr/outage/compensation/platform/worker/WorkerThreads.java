package kr.outage.compensation.platform.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads of one background worker (campaign runs, store requests, mass extensions): named daemon
 * threads started at boot, told to stop at shutdown, woken so that none sleeps through it, and joined,
 * each for at most ten seconds, so a shutdown never hangs on a store that does not answer.
 */
public final class WorkerThreads {

    private static final long JOIN_MILLIS = 10_000;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts a daemon thread named {@code name} running {@code body}. */
    public void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    /** False once {@link #stop} was called: the loops end their turn and return. */
    public boolean running() {
        return running;
    }

    public int count() {
        return threads.size();
    }

    /** Stops the loops: {@code wakeUp} releases whatever they wait on; then each is joined. */
    public void stop(Runnable wakeUp) {
        running = false;
        wakeUp.run();
        for (Thread t : threads) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Wakes threads that sleep rather than wait on a semaphore. */
    public void interruptAll() {
        threads.forEach(Thread::interrupt);
    }
}

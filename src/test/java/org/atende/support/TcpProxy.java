package org.atende.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a server that a test can cut and restore, with plain sockets. Cut, it behaves as a
 * network that went silent: connections stay open but nothing passes either way, and new connections are
 * accepted and never answered (the hardest case for a client: nothing fails, everything waits). Restored,
 * the connections that lived through the cut are closed (as a server restart would leave them) and new ones
 * pass again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean refusing;

    public TcpProxy(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofPlatform().daemon().name("proxy-accept").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void cut() {
        cut = true;
    }

    /**
     * The database host is up but nothing listens: open connections are reset and new ones closed at once,
     * as a stopped server or a firewall that rejects would do (the other failure besides a silent network).
     */
    public void refuse() {
        refusing = true;
        cut = true;
        for (Socket socket : sockets) {
            close(socket);
        }
        sockets.clear();
    }

    public void restore() {
        refusing = false;
        if (!cut) {
            return;
        }
        for (Socket socket : sockets) {
            close(socket);
        }
        sockets.clear();
        cut = false;
    }

    @Override
    public void close() {
        close(listener);
        cut = true;
        restore();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.setSoLinger(true, 0); // a reset, not an orderly close
                    close(client);
                    continue;
                }
                sockets.add(client);
                if (cut) {
                    Thread.ofPlatform().daemon().start(() -> pump(client, null));
                    continue;
                }
                Socket server = new Socket(upstreamHost, upstreamPort);
                sockets.add(server);
                Thread.ofPlatform().daemon().start(() -> pump(client, server));
                Thread.ofPlatform().daemon().start(() -> pump(server, client));
            } catch (IOException e) {
                // the listener closed, or the server refused: the client's connection fails as it would
            }
        }
    }

    /** Copies {@code from} to {@code to} while not cut; while cut, what arrives is swallowed. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!cut && out != null) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            if (to != null) {
                close(to);
            }
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

package id.balai.platform.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where photos and documents live. The local implementation writes under {@code ./data/files};
 * an S3-compatible store can replace it without touching callers.
 */
public interface FileStorage {

    /**
     * Stores the bytes durably (written and synced before this returns) and answers the key to read
     * them back with.
     */
    String store(String folder, byte[] content, String extension) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    void delete(String key) throws IOException;

    long size(String key) throws IOException;
}

package org.mailpath.engine.log;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The computer's own files, seen as a user sees them for whom one file or folder has no permissions at all (mode
 * 000): a locked file's attributes can be read but it cannot be opened; nothing in a locked folder can be reached.
 * Root reads any file whatever its permissions, so the permission-denied message is tested through this, whoever runs
 * the tests (CI runs as root). Reading only: what a test does not read is refused.
 */
final class DeniedFiles extends FileSystemProvider {

    private final FileSystem real = FileSystems.getDefault();
    private final Path locked;
    private final Denied fileSystem = new Denied();

    private DeniedFiles(Path locked) {
        this.locked = locked.toAbsolutePath().normalize();
    }

    /** {@code file} as seen where {@code locked} (that file, or a folder on its way) has no permissions. */
    static Path view(Path file, Path locked) {
        return new DeniedFiles(locked).fileSystem.wrap(file);
    }

    /** {@code file} as seen where it has no permissions itself. */
    static Path locked(Path file) {
        return view(file, file);
    }

    private Path unwrap(Path p) {
        if (!(p instanceof Seen seen) || seen.getFileSystem() != fileSystem) {
            throw new ProviderMismatchException();
        }
        return seen.real;
    }

    /** The real path, after the checks a path inside a locked folder fails. */
    private Path reachable(Path p) throws AccessDeniedException {
        Path r = unwrap(p);
        Path absolute = r.toAbsolutePath().normalize();
        if (absolute.startsWith(locked) && !absolute.equals(locked)) {
            throw new AccessDeniedException(r.toString());
        }
        return r;
    }

    /** The real path of a file to be read: neither locked itself nor inside a locked folder. */
    private Path readable(Path p) throws AccessDeniedException {
        Path r = reachable(p);
        if (r.toAbsolutePath().normalize().equals(locked)) {
            throw new AccessDeniedException(r.toString());
        }
        return r;
    }

    @Override
    public String getScheme() {
        return "denied";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fileSystem;
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.stream().anyMatch(o -> o != java.nio.file.StandardOpenOption.READ)) {
            throw new UnsupportedOperationException("reading only: " + options);
        }
        return real.provider().newByteChannel(readable(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        DirectoryStream<Path> entries = real.provider().newDirectoryStream(readable(dir), filter::accept);
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                return StreamSupport.stream(entries.spliterator(), false).map(fileSystem::wrap).iterator();
            }

            @Override
            public void close() throws IOException {
                entries.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new UnsupportedOperationException("reading only");
    }

    @Override
    public void delete(Path path) {
        throw new UnsupportedOperationException("reading only");
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new UnsupportedOperationException("reading only");
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new UnsupportedOperationException("reading only");
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return real.provider().isSameFile(reachable(path), reachable(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return real.provider().isHidden(reachable(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return real.provider().getFileStore(reachable(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        Path r = modes.length == 0 ? reachable(path) : readable(path);
        real.provider().checkAccess(r, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        throw new UnsupportedOperationException("attributes are read with readAttributes");
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return real.provider().readAttributes(reachable(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return real.provider().readAttributes(reachable(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("reading only");
    }

    /** The file system of the paths: the default one's names, this provider's access. */
    private final class Denied extends FileSystem {

        Path wrap(Path p) {
            return p == null ? null : new Seen(this, p);
        }

        @Override
        public FileSystemProvider provider() {
            return DeniedFiles.this;
        }

        @Override
        public void close() {
            // nothing open: the default file system stays open
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }

        @Override
        public String getSeparator() {
            return real.getSeparator();
        }

        @Override
        public Iterable<Path> getRootDirectories() {
            return StreamSupport.stream(real.getRootDirectories().spliterator(), false).map(this::wrap).toList();
        }

        @Override
        public Iterable<FileStore> getFileStores() {
            return real.getFileStores();
        }

        @Override
        public Set<String> supportedFileAttributeViews() {
            return Set.of("basic");
        }

        @Override
        public Path getPath(String first, String... more) {
            return wrap(real.getPath(first, more));
        }

        @Override
        public PathMatcher getPathMatcher(String syntaxAndPattern) {
            PathMatcher m = real.getPathMatcher(syntaxAndPattern);
            return p -> m.matches(unwrap(p));
        }

        @Override
        public UserPrincipalLookupService getUserPrincipalLookupService() {
            throw new UnsupportedOperationException();
        }

        @Override
        public WatchService newWatchService() {
            throw new UnsupportedOperationException();
        }
    }

    /** A path of {@link Denied}: a default path's names, asked of this provider. */
    private record Seen(Denied fs, Path real) implements Path {

        private Path wrap(Path p) {
            return fs.wrap(p);
        }

        private Path inner(Path other) {
            return fs.provider() instanceof DeniedFiles d ? d.unwrap(other) : other;
        }

        @Override
        public FileSystem getFileSystem() {
            return fs;
        }

        @Override
        public boolean isAbsolute() {
            return real.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return wrap(real.getRoot());
        }

        @Override
        public Path getFileName() {
            return wrap(real.getFileName());
        }

        @Override
        public Path getParent() {
            return wrap(real.getParent());
        }

        @Override
        public int getNameCount() {
            return real.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return wrap(real.getName(index));
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return wrap(real.subpath(beginIndex, endIndex));
        }

        @Override
        public boolean startsWith(Path other) {
            return other instanceof Seen s && s.fs == fs && real.startsWith(s.real);
        }

        @Override
        public boolean endsWith(Path other) {
            return other instanceof Seen s && s.fs == fs && real.endsWith(s.real);
        }

        @Override
        public Path normalize() {
            return wrap(real.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return wrap(real.resolve(inner(other)));
        }

        @Override
        public Path relativize(Path other) {
            return wrap(real.relativize(inner(other)));
        }

        @Override
        public URI toUri() {
            return real.toUri();
        }

        @Override
        public Path toAbsolutePath() {
            return wrap(real.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            ((DeniedFiles) fs.provider()).reachable(this);
            return wrap(real.toRealPath(options));
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int compareTo(Path other) {
            return real.compareTo(inner(other));
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }
}

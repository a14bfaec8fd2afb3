package org.actionlearning.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: every relative link in its Markdown resolves to a file inside it, and nothing
 * points at documents a clone does not have.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\\bDESIGN\\.md|\\bAPI\\.md");

    private final Path root = repositoryRoot();

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : markdownDocuments()) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(document) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links that do not resolve inside the repository").isEmpty();
    }

    @Test
    void noDocumentOrSourcePointsOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(this::isTrackedText).toList()) {
                if (OUTSIDE.matcher(Files.readString(file)).find()) {
                    outside.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(outside).as("files citing documents outside the repository").isEmpty();
    }

    private List<Path> markdownDocuments() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(this::isTrackedText).filter(p -> p.toString().endsWith(".md")).toList();
        }
    }

    private boolean isTrackedText(Path file) {
        String relative = root.relativize(file).toString();
        return Files.isRegularFile(file) && !relative.startsWith(".git") && !relative.startsWith("data/")
                && !relative.contains("/target/") && !relative.contains("node_modules")
                && relative.matches(".*\\.(md|java|yml|yaml|properties|html|sql|sh)$");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}

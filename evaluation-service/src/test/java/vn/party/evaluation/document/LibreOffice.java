package vn.party.evaluation.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** LibreOffice, headless, as a test's converter: a DOCX to a PDF beside it, as Word or Writer would print it. */
final class LibreOffice {

  private LibreOffice() {}

  /**
   * Converts {@code docx} to {@code <name>.pdf} in the same folder, with a profile of its own under {@code target/}
   * (a first start writes one; two runs must not share it) and returns the PDF.
   */
  static Path toPdf(Path soffice, Path docx) throws IOException, InterruptedException {
    Path folder = docx.toAbsolutePath().getParent();
    Path profile = Path.of("target", "libreoffice-profile").toAbsolutePath();
    Files.createDirectories(profile);
    Process process =
        new ProcessBuilder(
                List.of(
                    soffice.toString(),
                    "-env:UserInstallation=" + profile.toUri(),
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder.toString(),
                    docx.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("libreoffice.log").toFile())
            .start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES))
        .as("LibreOffice converted %s in time", docx)
        .isTrue();
    assertThat(process.exitValue())
        .as("LibreOffice's exit code (log: %s)", folder.resolve("libreoffice.log"))
        .isZero();
    String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
    Path pdf = folder.resolve(name);
    assertThat(pdf).as("LibreOffice wrote %s", pdf).exists();
    return pdf;
  }
}

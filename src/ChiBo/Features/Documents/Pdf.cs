using System.Diagnostics;

namespace ChiBo.Features.Documents;

/// <summary>
/// DOCX → PDF with LibreOffice (soffice --headless), each conversion in its own profile folder so parallel ones do
/// not share a lock. Offline; about two seconds a document on these machines.
/// </summary>
public class PdfConverter(IConfiguration config, ILogger<PdfConverter> log)
{
    string Soffice => config["Documents:Soffice"] ?? "soffice";

    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        var dir = Directory.CreateTempSubdirectory("chibo-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var psi = new ProcessStartInfo(Soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", $"-env:UserInstallation=file://{Path.Combine(dir.FullName, "profile")}", "--convert-to", "pdf", "--outdir", dir.FullName, input })
                psi.ArgumentList.Add(a);
            Process? p;
            try { p = Process.Start(psi); }
            catch (System.ComponentModel.Win32Exception e)
            {
                log.LogError(e, "LibreOffice ({Soffice}) is not installed", Soffice);
                return null;
            }
            using var process = p!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(timeout.Token);
            var output = Path.Combine(dir.FullName, "document.pdf");
            if (!File.Exists(output))
            {
                log.LogError("LibreOffice produced no PDF (exit {Exit}): {Error}", process.ExitCode, await stderr);
                return null;
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}

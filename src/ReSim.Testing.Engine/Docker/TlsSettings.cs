namespace ReSim.Testing.Engine.Docker;

/// <summary>TLS for an engine on tcp, as the Docker CLI takes it: PEM files of the CA, the client certificate and its key.</summary>
/// <param name="CaFile">The CA that signed the engine's certificate (<c>ca.pem</c>), or <see langword="null"/> for the system's.</param>
/// <param name="CertificateFile">The client certificate (<c>cert.pem</c>), or <see langword="null"/> for none.</param>
/// <param name="KeyFile">The client certificate's private key (<c>key.pem</c>), or <see langword="null"/>.</param>
/// <param name="Verify">Whether the engine's certificate is checked (<c>DOCKER_TLS_VERIFY</c>, a context without <c>SkipTLSVerify</c>).</param>
internal sealed record TlsSettings(string? CaFile, string? CertificateFile, string? KeyFile, bool Verify)
{
    /// <summary>The settings from a folder holding <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c>; files that are not there are left out.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="verify">Whether to check the engine's certificate.</param>
    /// <returns>The settings.</returns>
    internal static TlsSettings FromFolder(string folder, bool verify) =>
        new(Existing(folder, "ca.pem"), Existing(folder, "cert.pem"), Existing(folder, "key.pem"), verify);

    private static string? Existing(string folder, string name) => File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;
}

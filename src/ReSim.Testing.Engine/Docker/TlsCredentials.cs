using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns <see cref="TlsSettings"/> into Docker.DotNet's client-certificate credentials.</summary>
internal static class TlsCredentials
{
    private static bool AcceptAnyEngineCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    /// <summary>The credentials for <paramref name="endpoint"/>'s TLS.</summary>
    /// <param name="endpoint">The endpoint, with its settings.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ExperienceInfrastructureException">A file is missing or not a PEM certificate or key.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification =
        "Asked for by the user: DOCKER_TLS without DOCKER_TLS_VERIFY, or a context with SkipTLSVerify, is encrypted without checking the engine, as in the Docker CLI.")]
    internal static IAuthProvider For(EngineEndpoint endpoint)
    {
        var tls = endpoint.Tls!;
        if (tls.CertificateFile is null || tls.KeyFile is null)
        {
            throw new ExperienceInfrastructureException(
                $"TLS is asked for the engine at {endpoint.Uri} ({endpoint.Source}), but there is no client certificate: cert.pem and key.pem " +
                "must be in DOCKER_CERT_PATH (or ~/.docker, or the context's TLS folder), as the Docker CLI expects.");
        }

        try
        {
            var client = DockerTlsCertificates.LoadCertificateFromPemFiles(tls.CertificateFile, tls.KeyFile);
            var credentials = new CertificateCredentials(client);
            if (!tls.Verify)
            {
                credentials.ServerCertificateValidationCallback = AcceptAnyEngineCertificate;
            }
            else if (tls.CaFile is not null)
            {
                credentials.ServerCertificateValidationCallback = DockerTlsCertificates.CreateCertificateAuthorityValidationCallback(
                    DockerTlsCertificates.LoadCertificateAuthorityFromPemFile(tls.CaFile));
            }

            return credentials;
        }
        catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
        {
            throw new ExperienceInfrastructureException(
                $"The TLS files for the engine at {endpoint.Uri} ({endpoint.Source}) cannot be used ({e.Message.TrimEnd('.')}): " +
                $"{tls.CertificateFile}, {tls.KeyFile}{(tls.CaFile is null ? string.Empty : ", " + tls.CaFile)}. They must be PEM files as `docker --tlsverify` takes them.",
                e);
        }
    }
}

using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>What every validation rule reads: the normalized file, the profile's active services and the system.</summary>
internal sealed class ValidationContext(NormalizedCompose compose, string? profile, SystemResources system, DiagnosticBag diagnostics)
{
    public NormalizedCompose Compose { get; } = compose;

    public string? Profile { get; } = profile;

    public SystemResources System { get; } = system;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ImmutableArray<NormalizedService> Active { get; } = [.. compose.Services.Where(s => s.Definition.IsActiveIn(profile))];

    public string ProfileText => Profile is null ? "no profile" : $"profile `{Profile}`";

    public SourceLocation Locate(ServiceDefinition service, string key) =>
        Compose.SourceMap.Find($"services.{service.Name}.{key}", service.Location);
}

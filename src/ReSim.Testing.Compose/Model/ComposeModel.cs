using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Model;

/// <summary>A loaded, interpolated, merged and validated compose file: what an experience runs.</summary>
/// <remarks>
/// <see cref="Services"/> holds every service of the file; <see cref="ActiveServices"/> those that run
/// for <see cref="Profile"/> (R8). Immutable: change it with <c>with</c> expressions.
/// </remarks>
public sealed record ComposeModel
{
    /// <summary>The path of the compose file, or <see langword="null"/> when it was loaded from a string.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The folder relative paths in the file are resolved against.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The profile the file was loaded for (R8), or <see langword="null"/> for none.</summary>
    public string? Profile { get; init; }

    /// <summary>Every service of the file, in file order.</summary>
    public ImmutableArray<ServiceDefinition> Services { get; init; } = [];

    /// <summary>The named volumes declared at the top level (R10).</summary>
    public ImmutableArray<VolumeDefinition> Volumes { get; init; } = [];

    /// <summary>The services that run for <see cref="Profile"/> (R8), in file order.</summary>
    public ImmutableArray<ServiceDefinition> ActiveServices => Services.Where(s => s.IsActiveIn(Profile)).ToImmutableArray();

    /// <summary>The active services that carry the test orchestrator label (R5).</summary>
    public ImmutableArray<ServiceDefinition> Orchestrators => ActiveServices.Where(s => s.IsTestOrchestrator).ToImmutableArray();
}

using System.Diagnostics.CodeAnalysis;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Compose.Loading;

namespace ReSim.Testing.Engine;

/// <summary>A request with its compose file loaded: the diagnostics, and the experience to run when there was no error (R3).</summary>
/// <param name="Request">The request.</param>
/// <param name="Load">What loading the compose file gave: the model and every diagnostic.</param>
/// <param name="Experience">The experience built from the model and the request; <see langword="null"/> when the file has errors.</param>
public sealed record LoadedExperience(ExperienceRequest Request, ComposeLoadResult Load, Experience? Experience)
{
    /// <summary>Whether the experience may run: its compose file has no error.</summary>
    [MemberNotNullWhen(true, nameof(Experience))]
    public bool CanRun => Experience is not null;
}

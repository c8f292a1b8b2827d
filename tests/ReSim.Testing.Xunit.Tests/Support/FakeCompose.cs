using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>A compose loader (building the experience as the engine's launcher does) that returns a fixed model or fixed diagnostics, and remembers what it was asked to load.</summary>
public sealed class FakeCompose
{
    private readonly ImmutableArray<Diagnostic> diagnostics;

    public FakeCompose(params Diagnostic[] diagnostics) => this.diagnostics = [.. diagnostics];

    public List<(string Path, ComposeLoadOptions Options)> Loads { get; } = [];

    public static Diagnostic Error(string file, int line, int column, string code, string message) =>
        new(code, DiagnosticSeverity.Error, message, "Fix it.", new SourceLocation(file, line, column));

    public static Diagnostic Warning(string file, int line, int column, string code, string message) =>
        new(code, DiagnosticSeverity.Warning, message, "Consider it.", new SourceLocation(file, line, column));

    public LoadedExperience Load(ExperienceRequest request)
    {
        var path = request.ComposeFile;
        var options = new ComposeLoadOptions { Profile = request.Profile, System = request.Settings.System };
        lock (Loads)
        {
            Loads.Add((path, options));
        }

        var model = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? null
            : new ComposeModel
            {
                SourceFile = path,
                WorkingDirectory = Path.GetDirectoryName(path)!,
                Profile = options.Profile,
                Services =
                [
                    new ServiceDefinition
                    {
                        Name = "orchestrator",
                        Image = TestEngine.Image,
                        Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(ServiceDefinition.OrchestratorLabel, "true")]),
                        Location = new SourceLocation(path, 2, 3),
                    },
                ],
            };
        return ExperienceRunner.FromLoad(request, new ComposeLoadResult(model, diagnostics));
    }
}

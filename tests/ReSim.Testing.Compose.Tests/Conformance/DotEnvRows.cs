using System.Text.Json;
using ReSim.Testing.Compose.Loading;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Runs a dotenv row twice, as compose-go reads such files: as a service's <c>env_file</c> and as the project's <c>.env</c>.</summary>
/// <remarks>
/// A row's <c>mode</c> limits it to one of the two when they differ (given variables win over <c>.env</c>, not over
/// <c>env_file</c>). As <c>.env</c>, each expected key is read back through <c>environment: [KEY]</c>.
/// </remarks>
internal static class DotEnvRows
{
    public static void Check(JsonElement table, JsonElement row)
    {
        var mode = ConformanceRow.String(row, "mode") ?? "both";
        if (mode is "both" or "env_file")
        {
            Run(table, row, asEnvFile: true);
        }

        if (mode is "both" or "dotenv")
        {
            Run(table, row, asEnvFile: false);
        }
    }

    private static void Run(JsonElement table, JsonElement row, bool asEnvFile)
    {
        var expected = row.TryGetProperty("expected", out var e) ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal) : [];
        var keys = string.Join(", ", expected.Keys.Select(k => JsonSerializer.Serialize(k)));
        using var project = new ConformanceProject().Write(asEnvFile ? "app.env" : ".env", ConformanceRow.String(row, "text")!);
        project.Write("compose.yaml", $$"""
            services:
              orchestrator:
                image: resim-testing/busybox:1.35
                labels: {resim.ai/isTestOrchestrator: "true"}
              probe:
                image: resim-testing/busybox:1.35
                {{(asEnvFile ? "env_file: app.env" : $"environment: [{keys}]")}}
            """);
        var result = project.Load("compose.yaml", ConformanceRow.Variables(table, row));
        if (!ConformanceRow.ExpectsSuccess(row, result))
        {
            return;
        }

        var probe = Assert.Single(result.Model!.Services, s => s.Name == "probe");
        Assert.Equal(expected, probe.Environment.ToDictionary(StringComparer.Ordinal));
    }
}

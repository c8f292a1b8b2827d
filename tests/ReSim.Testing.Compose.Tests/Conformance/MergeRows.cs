using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>
/// Runs a merge row of compose-go's <c>override</c> tests through <c>extends</c>, which applies the same rules:
/// the override's service <c>test</c> extends the base's, and must load exactly as the wanted file does.
/// </summary>
/// <remarks>
/// So that the files load on ReSim, the runner gives a service without an image one (R3), declares the named
/// volumes the files mount (R10) and writes each env file they name, with its own name as <c>SOURCE</c>.
/// </remarks>
internal static partial class MergeRows
{
    public static void Check(JsonElement table, JsonElement row)
    {
        var (baseYaml, overrideYaml, want) = (ConformanceRow.String(row, "base")!, ConformanceRow.String(row, "override")!, ConformanceRow.String(row, "want")!);
        var volumes = string.Join(", ", NamedVolume().Matches(baseYaml + overrideYaml).Select(m => m.Groups[1].Value).Distinct().Select(v => v + ": {}"));
        var footer = volumes.Length > 0 ? $"\nvolumes: {{{volumes}}}\n" : "\n";
        var image = baseYaml.Contains("image:", StringComparison.Ordinal) ? string.Empty : "    image: resim-testing/probe:1\n";
        using var project = new ConformanceProject()
            .Write("base.yaml", baseYaml.Replace("  test:\n", "  test:\n" + image, StringComparison.Ordinal) + footer)
            .Write("compose.yaml", overrideYaml.Replace("  test:\n", "  test:\n    extends: {file: base.yaml, service: test}\n", StringComparison.Ordinal) + footer)
            .Write("want.yaml", want.Replace("  test:\n", "  test:\n" + image, StringComparison.Ordinal) + footer);
        foreach (var envFile in EnvFile().Matches(baseYaml + overrideYaml).Select(m => m.Value).Distinct())
        {
            project.Write(envFile, $"SOURCE={envFile}\n{Path.GetFileNameWithoutExtension(envFile).ToUpperInvariant()}=1\n");
        }

        var merged = project.Load("compose.yaml", ConformanceRow.Variables(table, row));
        if (!ConformanceRow.ExpectsSuccess(row, merged))
        {
            return;
        }

        var wanted = project.Load("want.yaml", ConformanceRow.Variables(table, row));
        Assert.NotNull(wanted.Model);
        Assert.Equal(Shown(wanted.Model.Services.Single(s => s.Name == "test")), Shown(merged.Model!.Services.Single(s => s.Name == "test")));
    }

    private static string Shown(object service)
    {
        var node = JsonSerializer.SerializeToNode(service)!.AsObject();
        node.Remove("Location");
        return node.ToJsonString();
    }

    [GeneratedRegex(@"-\s+([A-Za-z][\w-]*):/")]
    private static partial Regex NamedVolume();

    [GeneratedRegex(@"[\w-]+\.env\b")]
    private static partial Regex EnvFile();
}

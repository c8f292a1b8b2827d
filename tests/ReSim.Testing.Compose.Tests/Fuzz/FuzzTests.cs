using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Fuzz;

/// <summary>
/// Tens of thousands of generated templates and env files through the loader (issue 11): no exception escapes a stage
/// (no RSIM099), every diagnostic has a position and a hint, and the whole run ends within the test's timeout.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261201;
    private const int Templates = 25_000;
    private const int TemplatesPerFile = 250;
    private const int DotEnvFiles = 20_000;
    private const int EnvFilesPerLoad = 50;
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ImmutableDictionary<string, string> Variables = ImmutableDictionary<string, string>.Empty.Add("SET", "value").Add("EMPTY", string.Empty);

    [Fact(Timeout = 60_000)]
    public async Task Generated_templates_never_crash_the_loader()
    {
        var text = new FuzzText(Seed);
        await Task.Run(
            () =>
            {
                for (var file = 0; file < Templates / TemplatesPerFile; file++)
                {
                    var yaml = new StringBuilder("services:\n").Append(ComposeText.Orchestrator).Append("\n  probe:\n    image: resim-testing/busybox:1.35\n    environment:\n");
                    var templates = Enumerable.Range(0, TemplatesPerFile).Select(_ => text.Template()).ToList();
                    for (var i = 0; i < templates.Count; i++)
                    {
                        yaml.Append("      V").Append(i).Append(": ").Append(JsonSerializer.Serialize(templates[i], Quoting)).Append('\n');
                    }

                    AssertSound(ComposeText.Load(yaml.ToString(), variables: Variables), $"templates {file * TemplatesPerFile}..: {string.Join(" | ", templates.Take(5))} ...");
                }
            },
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 60_000)]
    public async Task Generated_env_files_never_crash_the_loader()
    {
        var text = new FuzzText(Seed + 1);
        var names = Enumerable.Range(0, EnvFilesPerLoad).Select(i => $"e{i}.env").ToList();
        var yaml = "services:\n" + ComposeText.Orchestrator + "\n  probe:\n    image: resim-testing/busybox:${SET:-x}\n    env_file: [" + string.Join(", ", names) + "]\n";
        await Task.Run(
            () =>
            {
                for (var load = 0; load < DotEnvFiles / EnvFilesPerLoad; load++)
                {
                    // One generated text is the project's .env; each env_file is read on its own, so a malformed one stops only itself.
                    var contents = names.Select(_ => text.DotEnv()).ToList();
                    var files = new InMemoryFileSystem().Add("/project/.env", text.DotEnv());
                    foreach (var (name, content) in names.Zip(contents))
                    {
                        files.Add("/project/" + name, content);
                    }

                    AssertSound(ComposeText.Load(yaml, variables: Variables, files: files), $"env files of load {load}: {string.Join(" | ", contents.Take(3).Select(c => JsonSerializer.Serialize(c)))} ...");
                }
            },
            TestContext.Current.CancellationToken);
    }

    private static void AssertSound(ComposeLoadResult result, string input)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.True(diagnostic.Code != DiagnosticCodes.InternalError, $"RSIM099 for {input}: {diagnostic}");
            Assert.True(diagnostic.Location.Line > 0 && diagnostic.Location.Column > 0, $"No position for {input}: {diagnostic}");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Hint), $"No hint for {input}: {diagnostic}");
        }
    }
}

using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

/// <summary>The validate task over the real compose loader: what a build reports for each kind of file.</summary>
public sealed class ValidateComposeExperienceTests : IDisposable
{
    private const string Orchestrator = $$"""
          orchestrator:
            image: {{TestEngine.Image}}
            command: ["true"]
            labels:
              resim.ai/isTestOrchestrator: "true"
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("resim-validate-").FullName;
    private readonly FakeBuildEngine engine = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    private ValidateComposeExperience Task(params Microsoft.Build.Framework.ITaskItem[] items) =>
        new() { BuildEngine = engine, Experiences = items, ProjectDirectory = folder };

    [Fact]
    public void A_valid_file_gives_no_error_and_no_warning()
    {
        Write("compose.yml", $"services:\n{Orchestrator}\n");

        Assert.True(Task(ComposeItems.Experience("compose.yml")).Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void A_GPU_reservation_validates_with_SystemGpus_and_is_RSIM082_without_R13()
    {
        Write("compose.yml", $"services:\n{Orchestrator}\n    deploy:\n      resources:\n        reservations:\n          devices: [{{capabilities: [gpu], count: 1}}]\n");

        Assert.True(Task(ComposeItems.Experience("compose.yml", ("SystemGpus", "0"))).Execute());
        Assert.Empty(engine.Errors);

        Assert.False(Task(ComposeItems.Experience("compose.yml")).Execute());
        Assert.Equal("RSIM082", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_service_without_image_is_an_error_at_its_line_in_the_compose_file_R3()
    {
        var path = Write("compose.yml", $"services:\n{Orchestrator}\n  robot:\n    command: [\"sleep\", \"1\"]\n");

        Assert.False(Task(ComposeItems.Experience("compose.yml")).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSIM034", error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(7, error.LineNumber);
        Assert.True(error.ColumnNumber > 0, "the column of the service key");
        Assert.Contains("robot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ignored_key_is_a_warning_that_does_not_fail_the_build_R3()
    {
        var path = Write("compose.yml", $"services:\n{Orchestrator}\n    ports: [\"8080:80\"]\n");

        Assert.True(Task(ComposeItems.Experience("compose.yml")).Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("RSIM030", path, 7), (warning.Code, warning.File, warning.LineNumber));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void The_profile_metadata_selects_the_services_so_a_profile_without_orchestrator_is_an_error_R5_R8()
    {
        Write("compose.yml", $$"""
            services:
              orchestrator:
                image: {{TestEngine.Image}}
                profiles: [sim]
                labels:
                  resim.ai/isTestOrchestrator: "true"
            """);

        Assert.True(Task(ComposeItems.Experience("compose.yml", ("Profile", "sim"))).Execute());
        Assert.False(Task(ComposeItems.Experience("compose.yml", ("Profile", "replay"))).Execute());

        Assert.Equal("RSIM050", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_missing_compose_file_is_an_error_naming_it()
    {
        Assert.False(Task(ComposeItems.Experience("nowhere/compose.yml")).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSIM007", error.Code);
        Assert.Contains("compose.yml", error.File + error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_item_is_validated_even_after_one_fails()
    {
        Write("bad.yml", "services: [");
        Write("good.yml", $"services:\n{Orchestrator}\n");
        Write("none.yml", $"services:\n  robot:\n    image: {TestEngine.Image}\n");

        Assert.False(Task(ComposeItems.Experience("bad.yml"), ComposeItems.Experience("good.yml"), ComposeItems.Experience("none.yml")).Execute());

        Assert.Equal(["RSIM001", "RSIM050"], engine.Errors.Select(e => e.Code));
        Assert.All(engine.Errors, e => Assert.StartsWith(folder, e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_item_metadata_is_RSIM104_on_the_project_file()
    {
        Write("compose.yml", $"services:\n{Orchestrator}\n");

        Assert.False(Task(ComposeItems.Experience("compose.yml", ("Environment", "JUSTANAME"))).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("RSIM104", "/fake/Consumer.csproj"), (error.Code, error.File));
    }
}

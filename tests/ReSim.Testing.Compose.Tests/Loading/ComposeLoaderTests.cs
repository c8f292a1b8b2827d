using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.FileSystem;
using ReSim.Testing.Compose.Loading.Pipeline;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Loading;

/// <summary>The public entry points: a path or a string, YAML or JSON (R1), and the contract of never throwing on input.</summary>
public class ComposeLoaderTests
{
    private const string Json = """{"services": {"test": {"image": "busybox:1.35", "environment": ["PATH"], "labels": {"resim.ai/isTestOrchestrator": "true"}}}}""";

    [Fact]
    public void A_file_loads_from_disk_with_relative_paths_against_its_folder()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "realistic", "compose.yml");
        var result = ComposeLoader.LoadFile(path, new ComposeLoadOptions { Profile = "smoke", Variables = new Dictionary<string, string> { ["EXPERIENCE_NAME"] = "n" }, System = ComposeText.System });

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(path, result.Model!.SourceFile);
        Assert.Equal(Path.GetDirectoryName(path), result.Model.WorkingDirectory);
        Assert.Equal("rmw_cyclonedds_cpp", result.Model.Services[0].Environment["RMW_IMPLEMENTATION"]);
    }

    [Fact]
    public void A_json_string_loads_and_by_default_reads_the_process_environment_R1()
    {
        var result = ComposeLoader.LoadString(Json);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Null(result.Model!.SourceFile);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), result.Model.Services[0].Environment["PATH"]);
        Assert.Equal(Path.GetFullPath(Directory.GetCurrentDirectory()), result.Model.WorkingDirectory);
    }

    [Fact]
    public void A_string_input_is_named_by_its_source_name_and_resolves_against_the_working_directory()
    {
        var result = ComposeLoader.LoadString("services:\n  test:\n    image: busybox\n", new ComposeLoadOptions { SourceName = "buildSpecification", WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures") });

        Assert.All(result.Diagnostics, d => Assert.Equal("buildSpecification", d.Location.File));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Fixtures"), result.Model!.WorkingDirectory);
    }

    [Fact]
    public void Diagnostics_come_in_file_order()
    {
        var result = ComposeText.Load("services:\n  b:\n    image: busybox\n    depends_on: [ghost]\n  a:\n    image: busybox:latest\n");

        Assert.Equal([1, 3, 4, 6], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void An_unreadable_file_is_an_error_not_an_exception()
    {
        var result = ComposeLoader.LoadFile(new ComposePipeline(new FailingFileSystem(new UnauthorizedAccessException("denied")), LoadLimits.Default), "/project/compose.yml", new ComposeLoadOptions());

        Assert.Contains("cannot be read", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void An_invalid_path_is_an_error_not_an_exception()
    {
        var result = ComposeLoader.LoadFile("bad\0name.yml");

        Assert.Equal(DiagnosticCodes.FileNotFound, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void An_unexpected_failure_becomes_an_internal_error_diagnostic()
    {
        var result = ComposeLoader.LoadFile(new ComposePipeline(new FailingFileSystem(new InvalidOperationException("boom")), LoadLimits.Default), "/project/compose.yml", new ComposeLoadOptions());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InternalError, error.Code);
        Assert.Contains("boom", error.Message);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Diagnostics_print_as_compiler_messages()
    {
        var warning = ComposeText.LoadService("  robot:\n    image: busybox\n").Single(DiagnosticCodes.UnpinnedImage);

        Assert.StartsWith("compose.yml(7,5): warning RSIM040: The image `busybox` of service `robot` has no tag", warning.ToString());
    }

    private sealed class FailingFileSystem(Exception exception) : IComposeFileSystem
    {
        public FileProbe Probe(string fullPath) => new(FileKind.Regular, 10);

        public byte[] ReadAllBytes(string fullPath, long maxBytes) => throw exception;
    }
}

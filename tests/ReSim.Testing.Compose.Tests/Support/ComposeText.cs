using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Pipeline;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Support;

/// <summary>Loads compose text through the real pipeline with in-memory files, no process environment and a fixed system.</summary>
internal static class ComposeText
{
    public const string ProjectDirectory = "/project";

    /// <summary>8 CPUs, 16 GiB, GPUs "0" and "1": fixed so that tests do not depend on the machine.</summary>
    public static SystemResources System { get; } = new(8, 16L * 1024 * 1024 * 1024, ["0", "1"]);

    public const string Orchestrator = """
          orchestrator:
            image: resim-testing/busybox:1.35
            labels:
              resim.ai/isTestOrchestrator: "true"
        """;

    public static ComposeLoadResult Load(
        string yaml,
        string? profile = null,
        IReadOnlyDictionary<string, string>? variables = null,
        InMemoryFileSystem? files = null,
        SystemResources? system = null,
        LoadLimits? limits = null)
    {
        var options = new ComposeLoadOptions
        {
            Profile = profile,
            Variables = variables ?? ImmutableDictionary<string, string>.Empty,
            WorkingDirectory = ProjectDirectory,
            System = system ?? System,
        };
        return ComposeLoader.LoadString(new ComposePipeline(files ?? new InMemoryFileSystem(), limits ?? LoadLimits.Default), yaml, options);
    }

    /// <summary>Loads a file from <paramref name="files"/> through the pipeline's file entry point.</summary>
    public static ComposeLoadResult LoadFile(string path, InMemoryFileSystem files, string? profile = null) =>
        ComposeLoader.LoadFile(new ComposePipeline(files, LoadLimits.Default), path, new ComposeLoadOptions
        {
            Profile = profile,
            Variables = ImmutableDictionary<string, string>.Empty,
            System = System,
        });

    /// <summary>The line of <see cref="LoadService"/>'s input that the first line of the service's YAML lands on.</summary>
    public const int FirstServiceLine = 6;

    /// <summary>Loads one service (indented under <c>services:</c>) after a valid orchestrator (lines 2-5).</summary>
    public static ComposeLoadResult LoadService(string serviceYaml, InMemoryFileSystem? files = null, IReadOnlyDictionary<string, string>? variables = null) =>
        Load("services:\n" + Orchestrator + "\n" + serviceYaml, files: files, variables: variables);

    public static ServiceDefinition Service(this ComposeLoadResult result, string name)
    {
        Assert.NotNull(result.Model);
        return Assert.Single(result.Model.Services, s => s.Name == name);
    }

    public static Diagnostic Single(this ComposeLoadResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    public static void AssertClean(this ComposeLoadResult result) =>
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));

    public static void AssertNo(this ComposeLoadResult result, string code) =>
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == code);
}

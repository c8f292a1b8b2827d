using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>environment</c> as a map or a list, and <c>env_file</c> (R2, R9).</summary>
public class EnvironmentNormalizerTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["FROM_SHELL"] = "shell" };

    [Fact]
    public void A_map_and_a_list_give_the_same_environment()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    environment: {A: \"1\", B: two, C: 3, D: true, E: \"\"}\n  b:\n    image: busybox:1.35\n    environment: [A=1, B=two, C=3, D=true, E=]\n");

        result.AssertClean();
        Assert.Equal(result.Service("a").Environment, result.Service("b").Environment);
        Assert.Equal("true", result.Service("a").Environment["D"]);
    }

    [Fact]
    public void A_key_without_a_value_takes_the_variable_or_is_dropped()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    environment: [FROM_SHELL, NOT_SET]\n  b:\n    image: busybox:1.35\n    environment: {FROM_SHELL: , NOT_SET: }\n", variables: Variables);

        Assert.Equal(new Dictionary<string, string> { ["FROM_SHELL"] = "shell" }, result.Service("a").Environment);
        Assert.Equal(result.Service("a").Environment, result.Service("b").Environment);
    }

    [Fact]
    public void Env_files_come_first_and_environment_wins()
    {
        var files = new InMemoryFileSystem().Add("/project/one.env", "A=from-file\nB=from-file\n").Add("/project/two.env", "C=3\n");

        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    env_file: [one.env, {path: two.env}]\n    environment: {B: from-environment}\n", files);

        result.AssertClean();
        Assert.Equal(new Dictionary<string, string> { ["A"] = "from-file", ["B"] = "from-environment", ["C"] = "3" }, result.Service("a").Environment);
    }

    [Fact]
    public void A_missing_env_file_is_an_error_unless_not_required()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    env_file: [missing.env, {path: optional.env, required: false}]\n");

        var error = result.Single(DiagnosticCodes.FileNotFound);
        Assert.Contains("missing.env", error.Message);
        Assert.Equal("services.a.env_file", error.Path);
    }

    [Fact]
    public void Environment_of_the_wrong_type_is_an_error()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    environment: \"A=1\"\n");

        Assert.Equal("services.a.environment", result.Single(DiagnosticCodes.WrongType).Path);
    }
}

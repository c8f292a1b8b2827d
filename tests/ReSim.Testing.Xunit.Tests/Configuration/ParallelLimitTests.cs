using ReSim.Testing.Configuration;
using ReSim.Testing.Sdk;

namespace ReSim.Testing.Xunit.Tests.Configuration;

public sealed class ParallelLimitTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("resim-parallel-limit-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void The_environment_variable_wins_over_json_and_attribute()
    {
        WriteJson("xunit.runner.json", """{ "resimMaxParallelExperiences": 3 }""");

        var limit = ParallelLimit.Resolve(folder.FullName, "Robot.Tests", new ComposeExperienceOptionsAttribute { MaxParallelExperiences = 4 }, Environment("5"));

        Assert.Equal(5, limit.Count);
        Assert.Contains(ParallelLimit.EnvironmentVariable, limit.Source);
    }

    [Fact]
    public void Xunit_runner_json_wins_over_the_attribute_and_the_assembly_specific_file_comes_first()
    {
        WriteJson("xunit.runner.json", """{ "resimMaxParallelExperiences": 3 }""");
        WriteJson("Robot.Tests.xunit.runner.json", """{ "parallelizeTestCollections": true, "resimMaxParallelExperiences": 2 }""");

        var limit = ParallelLimit.Resolve(folder.FullName, "Robot.Tests", new ComposeExperienceOptionsAttribute { MaxParallelExperiences = 4 }, Environment(null));

        Assert.Equal(2, limit.Count);
        Assert.Contains("Robot.Tests.xunit.runner.json", limit.Source);
    }

    [Fact]
    public void The_assembly_attribute_applies_when_nothing_else_sets_the_limit()
    {
        WriteJson("xunit.runner.json", """{ "parallelizeTestCollections": true }""");

        var limit = ParallelLimit.Resolve(folder.FullName, "Robot.Tests", new ComposeExperienceOptionsAttribute { MaxParallelExperiences = 4 }, Environment(null));

        Assert.Equal(4, limit.Count);
        Assert.Contains("ComposeExperienceOptions", limit.Source);
    }

    [Fact]
    public void Without_settings_the_limit_is_what_the_machine_can_hold()
    {
        var limit = ParallelLimit.Resolve(folder.FullName, "Robot.Tests", null, Environment(null));

        Assert.InRange(limit.Count, 1, System.Environment.ProcessorCount);
        Assert.StartsWith("this machine", limit.Source);
    }

    [Theory]
    [InlineData(8, 32L << 30, 8)]
    [InlineData(8, 3L << 30, 3)]
    [InlineData(2, 16L << 30, 2)]
    [InlineData(4, 512L << 20, 1)]
    public void The_machine_default_is_one_per_processor_and_at_most_one_per_GiB(int processors, long memory, int expected) =>
        Assert.Equal(expected, ParallelLimit.MachineDefault(processors, memory).Count);

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void A_limit_that_is_not_a_positive_whole_number_fails_saying_where_it_came_from(string value)
    {
        var error = Assert.Throws<ExperienceSetupException>(() => ParallelLimit.Resolve(folder.FullName, "Robot.Tests", null, Environment(value)));

        Assert.Contains($"the {ParallelLimit.EnvironmentVariable} environment variable is \"{value}\"; set it to a positive whole number", error.Message);
    }

    [Fact]
    public void Invalid_json_fails_naming_the_file()
    {
        WriteJson("xunit.runner.json", "{ \"resimMaxParallelExperiences\": ");

        var error = Assert.Throws<ExperienceSetupException>(() => ParallelLimit.Resolve(folder.FullName, "Robot.Tests", null, Environment(null)));

        Assert.Contains(Path.Combine(folder.FullName, "xunit.runner.json") + " is not valid JSON", error.Message);
    }

    private static Func<string, string?> Environment(string? value) => name => name == ParallelLimit.EnvironmentVariable ? value : null;

    private void WriteJson(string name, string json) => File.WriteAllText(Path.Combine(folder.FullName, name), json);
}

using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Planning;

/// <summary>The retention in force: the given one, with RESIM_KEEP_RUNS and RESIM_KEEP_DAYS over it.</summary>
public sealed class ResultsRetentionTests
{
    [Fact]
    public void The_environment_wins_field_by_field_and_the_default_keeps_20_runs_for_7_days()
    {
        var environment = new Dictionary<string, string> { [ResultsRetention.KeepRunsVariable] = " 3 " };

        Assert.Equal(new ResultsRetention(20, 7), ResultsRetention.Default);
        Assert.Equal(new ResultsRetention(3, 9), new ResultsRetention(50, 9).WithEnvironment(environment.GetValueOrDefault));
    }

    [Theory]
    [InlineData("RESIM_KEEP_RUNS", "-1", "RESIM_KEEP_RUNS is '-1', which is not a whole number of runs.")]
    [InlineData("RESIM_KEEP_DAYS", "a week", "RESIM_KEEP_DAYS is 'a week', which is not a whole number of days.")]
    public void A_variable_that_is_not_a_whole_number_is_an_error_naming_it(string variable, string value, string message)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        var error = Assert.Throws<ExperienceInfrastructureException>(() => ResultsRetention.Default.WithEnvironment(environment.GetValueOrDefault));

        Assert.StartsWith(message, error.Message);
    }
}

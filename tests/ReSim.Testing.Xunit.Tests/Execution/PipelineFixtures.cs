using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Xunit.Tests.Execution;

// Not public: xUnit discovers only exported classes, so these run only when a test runs them through the pipeline
// (xUnit1000 asks for public test classes, which is exactly what these must not be).
#pragma warning disable xUnit1000
internal sealed class PipelineFixtures
{
    public static int BodyRuns;

    [ComposeExperience("experiences/robot.yml", Profile = "sim")]
    public void EmptyBody()
    {
    }

    [ComposeExperience("experiences/robot.yml", Profile = "sim")]
    public void CountsBodyRuns() => Interlocked.Increment(ref BodyRuns);

    [ComposeExperience("experiences/robot.yml", Profile = "sim")]
    public void AssertsOnTheResult(ExperienceResult result) => Assert.Equal("orchestrator", result.Services[^1].Name);

    [ComposeExperience("experiences/robot.yml", Profile = "sim")]
    public void SyncBodyFails(ExperienceResult result) => Assert.Equal("another-run", result.RunId);

    [ComposeExperience("experiences/robot.yml", Profile = "sim", Timeout = 300)]
    public async Task TimesOutInXunit() => await Task.Delay(1, TestContext.Current.CancellationToken);

    [ComposeExperience("experiences/robot.yml", Profile = "sim")]
    public async Task AsyncBodyFails(ExperienceResult result)
    {
        await Task.Yield();
        Assert.Equal("another-run", result.RunId);
    }
}
#pragma warning restore xUnit1000

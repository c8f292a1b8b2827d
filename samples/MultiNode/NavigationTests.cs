using ReSim.Testing;
using ReSim.Testing.Engine.Results;

namespace MultiNode.Tests;

public class NavigationTests
{
    // One test case per profile: "sim" runs the simulator, "hil" the hardware bridge (R8).
    [ComposeExperience("experiences/compose.yml", Profiles = ["sim", "hil"], TimeoutSeconds = 120)]
    public void Navigation()
    {
    }

    // Its own environment (R9) and inputs (R11); the body checks what the orchestrator wrote.
    [ComposeExperience("experiences/compose.yml", Profile = "sim",
        Environment = ["SCENARIO=parking"], Inputs = "experiences/parking", TimeoutSeconds = 120)]
    public void Parking(ExperienceResult result)
    {
        var report = File.ReadAllText(Path.Combine(result.OutputsDirectory, "result.json"));

        Assert.Contains("\"scenario\":\"parking\"", report);
        Assert.Contains("\"input\":\"lot-7\"", report);
        Assert.Contains("\"world\":\"simulated-world\"", report);
        Assert.Contains("plan for parking", report);
    }
}

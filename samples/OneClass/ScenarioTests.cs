using ReSim.Testing;

namespace OneClass.Tests;

// Six experiences in one class: each is its own unit of parallelism, so they run three at a time
// (xunit.runner.json), not one after another as the methods of one class otherwise would.
public class ScenarioTests
{
    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=merge"], TimeoutSeconds = 120)]
    public void Highway_merge()
    {
    }

    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=parking"], TimeoutSeconds = 120)]
    public void Parking()
    {
    }

    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=crossing"], TimeoutSeconds = 120)]
    public void Pedestrian_crossing()
    {
    }

    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=roundabout"], TimeoutSeconds = 120)]
    public void Roundabout()
    {
    }

    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=tunnel"], TimeoutSeconds = 120)]
    public void Tunnel()
    {
    }

    [ComposeExperience("experiences/scenario.yml", Environment = ["SCENARIO=uturn"], TimeoutSeconds = 120)]
    public void U_turn()
    {
    }
}

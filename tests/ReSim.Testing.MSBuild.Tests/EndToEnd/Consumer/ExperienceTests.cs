using ReSim.Testing;

namespace Consumer;

public class ExperienceTests
{
    [ComposeExperience("experiences/passing.yml", Profile = "sim", TimeoutSeconds = 120)]
    public void Passing_experience_passes()
    {
    }

    [ComposeExperience("experiences/flood.yml", TimeoutSeconds = 300)]
    public void Fast_writers_keep_every_line()
    {
    }

    [ComposeExperience("experiences/failing.yml", Profile = "sim", TimeoutSeconds = 120)]
    public void Failing_experience_fails()
    {
    }
}

using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Xunit.Tests.Discovery;

// Not public: xUnit discovers only exported classes, so these fixtures are never run as tests of this project
// (xUnit1000 asks for public test classes, which is exactly what these must not be).
#pragma warning disable xUnit1000
internal static class Fixtures
{
    internal sealed class Navigation
    {
        [ComposeExperience("experiences/robot.yml", Profiles = ["sim", "hil"])]
        public void TwoProfiles()
        {
        }

        [ComposeExperience("experiences/robot.yml")]
        public void NoProfile()
        {
        }

        [ComposeExperience("experiences/robot.yml", TimeoutSeconds = ComposeExperienceAttribute.DefaultTimeoutSeconds)]
        public void DefaultTimeoutWrittenOut()
        {
        }

        [ComposeExperience("experiences/robot.yml", Profile = "sim", Profiles = ["hil", "sim"], Environment = ["SCENARIO=parking", "SPEED=3"], Inputs = "experiences/inputs", TimeoutSeconds = 90)]
        public void Everything()
        {
        }

        [ComposeExperience("experiences/robot.yml", Profile = "sim", DisplayName = "Parking lot", Explicit = true, Skip = "not today")]
        public void FactSettings()
        {
        }

        [ComposeExperience("experiences/robot.yml", Profile = "sim")]
        [Trait("Area", "navigation")]
        public void WithTrait()
        {
        }

        [ComposeExperience("experiences/robot.yml", Profile = "sim")]
        public void TakesResult(ExperienceResult result) => Assert.NotNull(result);

        [ComposeExperience("experiences/robot.yml", Profiles = ["sim", "hil"], SystemCpus = 8, SystemMemory = "16g", SystemGpus = ["0", "GPU-b"])]
        public void OnGpuSystem()
        {
        }

        [ComposeExperience("experiences/robot.yml", AllowHostMounts = true)]
        public void WithHostMounts()
        {
        }

        [ComposeExperience("experiences/robot.yml", KeepContainers = true)]
        public void Kept()
        {
        }
    }

    internal sealed class Invalid
    {
        [ComposeExperience("experiences/robot.yml", Environment = ["SCENARIO"])]
        public void EnvironmentWithoutValue()
        {
        }

        [ComposeExperience("experiences/robot.yml", Profiles = ["sim", " "])]
        public void EmptyProfile()
        {
        }

        [ComposeExperience("experiences/robot.yml", TimeoutSeconds = 0)]
        public void ZeroTimeout()
        {
        }

        [ComposeExperience("experiences/robot.yml")]
        public void WrongParameter(int count) => Assert.Equal(0, count);

        [ComposeExperience("experiences/robot.yml", SystemCpus = -2)]
        public void NegativeCpus()
        {
        }

        [ComposeExperience("experiences/robot.yml", SystemMemory = "lots")]
        public void MemoryNotASize()
        {
        }

        [ComposeExperience("experiences/robot.yml", SystemGpus = ["0", " "])]
        public void EmptyGpu()
        {
        }
    }
}
#pragma warning restore xUnit1000

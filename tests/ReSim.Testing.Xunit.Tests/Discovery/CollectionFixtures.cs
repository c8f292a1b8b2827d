using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Discovery;

// Not public, so never run as tests of this project (see Fixtures).
#pragma warning disable xUnit1000
internal static class CollectionFixtures
{
    internal sealed class OneClass
    {
        [ComposeExperience("experiences/robot.yml", Profiles = ["sim", "hil"])]
        public void Drive()
        {
        }

        [ComposeExperience("experiences/robot.yml")]
        public void Park()
        {
        }

        [ComposeExperience("experiences/robot.yml", DisableParallelization = true)]
        public void Alone()
        {
        }

        [Fact]
        public void PlainFact()
        {
        }
    }

    [Collection("hardware bench")]
    internal sealed class NamedCollection
    {
        [ComposeExperience("experiences/robot.yml")]
        public void Drive()
        {
        }
    }

    [TestCaseOrderer(typeof(Orderer))]
    internal sealed class Ordered
    {
        [ComposeExperience("experiences/robot.yml")]
        public void Drive()
        {
        }
    }

    internal sealed class Orderer : ITestCaseOrderer
    {
        public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
            where TTestCase : notnull, ITestCase => testCases;
    }
}

using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R22: a container's counters read from its cgroup, v1 and v2, and only from a cgroup that names the container.</summary>
public sealed class CgroupCountersTests : IDisposable
{
    private const string Id = "0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string root = Path.Combine(Path.GetTempPath(), "resim-cgroup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Cgroup_v1_reads_cpuacct_usage_and_memory_usage_less_total_inactive_file()
    {
        Proc("12:memory:/docker/" + Id, "4:cpu,cpuacct:/docker/" + Id, "0::/docker/" + Id);
        Write("cgroup/cpu,cpuacct/docker/" + Id + "/cpuacct.usage", "2500000000\n");
        Write("cgroup/memory/docker/" + Id + "/memory.usage_in_bytes", "70000000\n");
        Write("cgroup/memory/docker/" + Id + "/memory.stat", "cache 9000000\ninactive_file 100\ntotal_inactive_file 3000000\n");

        var sample = Locate()!.Read(Now);

        Assert.Equal((Now, TimeSpan.FromSeconds(2.5), 67_000_000L), (sample!.Time, sample.CpuTime, sample.MemoryBytes));
    }

    [Fact]
    public void Cgroup_v2_reads_usage_usec_and_memory_current_less_inactive_file()
    {
        Proc("0::/system.slice/docker-" + Id + ".scope");
        Write("cgroup/system.slice/docker-" + Id + ".scope/cpu.stat", "usage_usec 1250000\nuser_usec 1000000\nsystem_usec 250000\n");
        Write("cgroup/system.slice/docker-" + Id + ".scope/memory.current", "5000000\n");
        Write("cgroup/system.slice/docker-" + Id + ".scope/memory.stat", "anon 4000000\nfile 1000000\ninactive_file 600000\n");

        var sample = Locate()!.Read(Now);

        Assert.Equal((TimeSpan.FromSeconds(1.25), 4_400_000L), (sample!.CpuTime, sample.MemoryBytes));
    }

    [Theory]
    [InlineData("cpuacct/docker/{0}/cpuacct.usage", "memory/docker/{0}/memory.stat")]
    [InlineData("cpuacct/system.slice/docker-{0}.scope/cpuacct.usage", "memory/system.slice/docker-{0}.scope/memory.stat")]
    [InlineData("system.slice/docker-{0}.scope/cpu.stat", "system.slice/docker-{0}.scope/memory.current")]
    [InlineData("docker/{0}/cpu.stat", "docker/{0}/memory.current")]
    [InlineData("cpuacct/libpod_parent/libpod-{0}/cpuacct.usage", "memory/libpod_parent/libpod-{0}/memory.stat")]
    [InlineData("cpuacct/machine.slice/libpod-{0}.scope/cpuacct.usage", "memory/machine.slice/libpod-{0}.scope/memory.stat")]
    [InlineData("machine.slice/libpod-{0}.scope/cpu.stat", "machine.slice/libpod-{0}.scope/memory.current")]
    [InlineData("libpod_parent/libpod-{0}/cpu.stat", "libpod_parent/libpod-{0}/memory.current")]
    public void The_engines_usual_cgroup_places_are_found_without_asking_the_engine(string cpu, string memory)
    {
        Assert.Null(CgroupCounters.Find(Id, Path.Combine(root, "cgroup")));
        Write("cgroup/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, cpu, Id), cpu.EndsWith("cpu.stat", StringComparison.Ordinal) ? "usage_usec 2000\n" : "2000000\n");
        Write("cgroup/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, memory, Id), "1000\n");
        var memoryFolder = Path.GetDirectoryName(Path.Combine(root, "cgroup", string.Format(System.Globalization.CultureInfo.InvariantCulture, memory, Id)))!;
        File.WriteAllText(Path.Combine(memoryFolder, "memory.stat"), "total_inactive_file 0\ninactive_file 0\n");
        File.WriteAllText(Path.Combine(memoryFolder, "memory.usage_in_bytes"), "1000\n");
        File.WriteAllText(Path.Combine(memoryFolder, "memory.current"), "1000\n");

        var sample = CgroupCounters.Find(Id, Path.Combine(root, "cgroup"))!.Read(Now);

        Assert.Equal((TimeSpan.FromMilliseconds(2), 1000L), (sample!.CpuTime, sample.MemoryBytes));
    }

    [Fact]
    public void A_process_whose_cgroup_does_not_name_the_container_is_not_used()
    {
        Proc("0::/user.slice/session-1.scope");
        Write("cgroup/user.slice/session-1.scope/cpu.stat", "usage_usec 1\n");
        Write("cgroup/user.slice/session-1.scope/memory.current", "1\n");

        Assert.Null(Locate());
    }

    [Fact]
    public void A_missing_process_or_a_removed_cgroup_gives_no_reading()
    {
        Assert.Null(Locate());
        Proc("0::/docker/" + Id);
        Write("cgroup/docker/" + Id + "/cpu.stat", "usage_usec 1\n");
        Write("cgroup/docker/" + Id + "/memory.current", "1\n");
        Write("cgroup/docker/" + Id + "/memory.stat", "inactive_file 0\n");
        var counters = Locate()!;

        Directory.Delete(Path.Combine(root, "cgroup/docker"), recursive: true);

        Assert.Null(counters.Read(Now));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private CgroupCounters? Locate() => CgroupCounters.Locate(42, Id, Path.Combine(root, "proc"), Path.Combine(root, "cgroup"));

    private void Proc(params string[] lines) => Write("proc/42/cgroup", string.Join('\n', lines) + "\n");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

using System.Buffers.Binary;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// The sandbox program (R12) checked byte by byte. The amd64 program also runs on this machine in
/// <see cref="DockerRuntimeSandboxTests"/>; the arm64 one cannot run here, so its structure and encodings are checked.
/// </summary>
public sealed class PauseProgramTests
{
    [Theory]
    [InlineData("amd64", PauseProgram.MachineX8664, 0x1000)]
    [InlineData("arm64", PauseProgram.MachineAarch64, 0x10000)]
    public void The_program_is_a_static_ELF64_executable_with_one_loadable_segment_holding_its_entry(string architecture, ushort machine, ulong alignment)
    {
        var elf = PauseProgram.For(architecture)!;

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1], elf[..7]);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(16)));
        Assert.Equal(machine, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(18)));
        Assert.Equal(64UL, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(32)));
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(56)));

        var header = elf.AsSpan(64);
        Assert.Equal(1U, BinaryPrimitives.ReadUInt32LittleEndian(header));
        Assert.Equal(5U, BinaryPrimitives.ReadUInt32LittleEndian(header[4..]));
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(header[8..]));
        var start = BinaryPrimitives.ReadUInt64LittleEndian(header[16..]);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        Assert.Equal((ulong)elf.Length, size);
        Assert.Equal(size, BinaryPrimitives.ReadUInt64LittleEndian(header[40..]));
        Assert.Equal(alignment, BinaryPrimitives.ReadUInt64LittleEndian(header[48..]));
        Assert.Equal(0UL, start % alignment);

        var entry = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(24));
        Assert.InRange(entry, start + 120, start + size - 1);
        Assert.True(elf.Length < 160, $"the program should stay tiny, was {elf.Length} bytes");
    }

    [Fact]
    public void The_x86_64_loop_calls_pause_and_jumps_back_to_its_start()
    {
        var code = PauseProgram.For("amd64")![120..];

        Assert.Equal([0xB8, 34, 0, 0, 0], code[..5]);
        Assert.Equal([0x0F, 0x05], code[5..7]);
        Assert.Equal(0xEB, code[7]);
        Assert.Equal(0, code.Length + (sbyte)code[8]);
    }

    [Fact]
    public void The_arm64_loop_calls_ppoll_with_null_arguments_and_branches_back_to_its_start()
    {
        var code = PauseProgram.For("arm64")![120..];
        var instructions = Enumerable.Range(0, code.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(code.AsSpan(i * 4))).ToArray();

        Assert.Equal(0, code.Length % 4);
        for (var register = 0u; register < 4; register++)
        {
            Assert.Equal(0xD2800000u | register, instructions[register]);
        }

        var movX8 = instructions[4];
        Assert.Equal(0xD2800000u, movX8 & 0xFFE00000u);
        Assert.Equal(8u, movX8 & 0x1F);
        Assert.Equal(73u, (movX8 >> 5) & 0xFFFF);
        Assert.Equal(0xD4000001u, instructions[5]);

        var branch = instructions[6];
        Assert.Equal(0x14000000u, branch & 0xFC000000u);
        var offset = (int)(branch << 6) >> 6;
        Assert.Equal(-6, offset);
    }

    [Fact]
    public void An_architecture_without_a_program_gets_none()
    {
        Assert.Null(PauseProgram.For("s390x"));
    }
}

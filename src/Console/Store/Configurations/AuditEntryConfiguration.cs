using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");

        // The executor numbers rows itself: the id is part of what each hash covers.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(128);
        builder.Property(e => e.Role).HasMaxLength(16);
        builder.Property(e => e.Door).HasMaxLength(16);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(160);
        builder.Property(e => e.OldValue).HasMaxLength(1024);
        builder.Property(e => e.NewValue).HasMaxLength(1024);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.Result).HasMaxLength(16);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.Property(e => e.RequestId).HasMaxLength(128);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => new { e.Target, e.Id });
        builder.HasIndex(e => e.Actor);
    }
}

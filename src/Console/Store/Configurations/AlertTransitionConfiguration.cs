using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class AlertTransitionConfiguration : IEntityTypeConfiguration<AlertTransition>
{
    public void Configure(EntityTypeBuilder<AlertTransition> builder)
    {
        builder.ToTable("alert_transitions");
        builder.Property(t => t.Alert).HasMaxLength(64);
        builder.Property(t => t.From).HasMaxLength(16);
        builder.Property(t => t.To).HasMaxLength(16);
        builder.Property(t => t.Severity).HasMaxLength(16);
        builder.Property(t => t.Note).HasMaxLength(300);
        builder.HasIndex(t => new { t.Alert, t.Id });
        builder.HasIndex(t => t.At);
    }
}

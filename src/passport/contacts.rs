//! The key-contacts pages: family, the professionals around the child, the setting, and every
//! service and repairer the equipment names, with phone numbers, hours and references.

use super::audience::Field;
use super::content::{Block, Column, Context, Table};
use super::paragraph::Span;
use crate::model::{Phone, Supplier, SupplierId};

pub fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let w = &ctx.w;
    blocks.push(Block::SectionTitle(w.label("contacts.section")));

    let family: Vec<Vec<Vec<Span>>> = ctx
        .data
        .contacts
        .iter()
        .filter(|c| c.details.role.is_family())
        .map(|c| {
            let d = &c.details;
            let mut details = Vec::new();
            if ctx.shows(Field::FamilyEmail) && !d.email.is_empty() {
                details.push(d.email.clone());
            }
            if ctx.shows(Field::ContactNotes) && !d.notes.is_empty() {
                details.push(d.notes.clone());
            }
            let phones = if ctx.shows(Field::FamilyPhones) {
                phones(&d.phones)
            } else {
                vec![]
            };
            row(&d.name, &[&d.relationship], phones, details.join("\n"))
        })
        .collect();
    if !family.is_empty() {
        blocks.push(Block::Heading(w.label("contacts.family")));
        blocks.push(Block::Table(table(ctx, family)));
    }

    let mut people: Vec<Vec<Vec<Span>>> = ctx
        .data
        .contacts
        .iter()
        .filter(|c| !c.details.role.is_family())
        .map(|c| {
            let d = &c.details;
            let mut details = Vec::new();
            if !d.email.is_empty() {
                details.push(d.email.clone());
            }
            if ctx.shows(Field::ContactNotes) && !d.notes.is_empty() {
                details.push(d.notes.clone());
            }
            let role = w.choice("contact_role", d.role.code());
            let relationship = if d.relationship.is_empty() || d.relationship == d.role.label() {
                &role
            } else {
                &d.relationship
            };
            row(
                &d.name,
                &[relationship, &d.organisation],
                phones(&d.phones),
                details.join("\n"),
            )
        })
        .collect();
    if let Some(setting) = &ctx.data.setting
        && ctx.shows(Field::SettingContact)
    {
        let s = &setting.details;
        let senco = if s.senco_name.is_empty() {
            String::new()
        } else {
            format!("{}: {}", w.label("contacts.senco"), s.senco_name)
        };
        let phone = if s.phone.is_empty() {
            vec![]
        } else {
            vec![Span::regular(s.phone.replace(' ', "\u{a0}"))]
        };
        people.push(row(
            &s.name,
            &[&w.choice("setting_kind", s.kind.code()), &senco],
            phone,
            s.senco_email.clone(),
        ));
    }
    if !people.is_empty() {
        blocks.push(Block::Heading(w.label("contacts.professionals")));
        blocks.push(Block::Table(table(ctx, people)));
    }

    let services: Vec<Vec<Vec<Span>>> = suppliers(ctx)
        .into_iter()
        .map(|(s, items)| {
            let d = &s.details;
            let mut phone_cells = Vec::new();
            if !d.repair_phone.is_empty() {
                phone_cells.push(Span::bold(format!(
                    "{}: {}",
                    w.label("contacts.repairs"),
                    d.repair_phone.replace(' ', "\u{a0}")
                )));
            }
            for p in phones(&d.phones) {
                if !phone_cells.is_empty() {
                    phone_cells.push(Span::regular("\n"));
                }
                phone_cells.push(p);
            }
            let mut details = Vec::new();
            if !d.repair_hours.is_empty() {
                details.push(format!(
                    "{}: {}",
                    w.label("contacts.repair_line"),
                    d.repair_hours
                ));
            }
            if ctx.shows(Field::SupplierAccountRef) && !d.account_ref.is_empty() {
                details.push(format!(
                    "{}: {}",
                    w.label("contacts.our_reference"),
                    d.account_ref
                ));
            }
            if !d.email.is_empty() {
                details.push(d.email.clone());
            }
            let for_items = format!("{}: {}", w.label("contacts.for"), items.join(", "));
            row(
                &d.name,
                &[&w.choice("supplier_kind", d.kind.code()), &for_items],
                phone_cells,
                details.join("\n"),
            )
        })
        .collect();
    if !services.is_empty() {
        blocks.push(Block::Heading(w.label("contacts.services")));
        blocks.push(Block::Table(table(ctx, services)));
    }
}

/// The suppliers current items name, in the order first named, with the items each serves.
fn suppliers<'a>(ctx: &'a Context) -> Vec<(&'a Supplier, Vec<String>)> {
    let mut out: Vec<(&Supplier, Vec<String>)> = Vec::new();
    for entry in ctx.current_items() {
        let d = &entry.item.details;
        let mut ids: Vec<SupplierId> = d.supplier_ids().into_iter().map(|(_, id)| id).collect();
        ids.dedup();
        for id in ids {
            let Some(supplier) = ctx.supplier(Some(id)) else {
                continue;
            };
            match out.iter_mut().find(|(s, _)| s.id == id) {
                Some((_, items)) => {
                    if !items.contains(&d.name) {
                        items.push(d.name.clone());
                    }
                }
                None => out.push((supplier, vec![d.name.clone()])),
            }
        }
    }
    out
}

/// Phone numbers, each held together (no-break spaces) so a narrow column never splits one.
fn phones(list: &[Phone]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let number = p.number.replace(' ', "\u{a0}");
        if i > 0 {
            out.push(Span::regular("\n"));
        }
        if p.label.is_empty() {
            out.push(Span::bold(number));
        } else {
            out.push(Span::regular(format!("{}: ", p.label)));
            out.push(Span::bold(number));
        }
    }
    out
}

fn row(name: &str, roles: &[&str], phones: Vec<Span>, details: String) -> Vec<Vec<Span>> {
    let roles: Vec<&str> = roles.iter().copied().filter(|r| !r.is_empty()).collect();
    let mut who = vec![Span::bold(name)];
    if !roles.is_empty() {
        who.push(Span::regular(format!("\n{}", roles.join("\n"))));
    }
    vec![who, phones, vec![Span::regular(details)]]
}

fn table(ctx: &Context, rows: Vec<Vec<Vec<Span>>>) -> Table {
    let w = &ctx.w;
    Table {
        columns: vec![
            Column {
                title: w.label("contacts.who"),
                weight: 0.37,
            },
            Column {
                title: w.label("contacts.phone"),
                weight: 0.30,
            },
            Column {
                title: w.label("contacts.details"),
                weight: 0.33,
            },
        ],
        rows,
        blank_rows: 0,
        label_column: false,
    }
}

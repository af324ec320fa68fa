import { describe, expect, it } from "vitest";
import { orderSearchTerms, searchWords } from "./search-terms";

describe("an order's search terms", () => {
  it("are its number without '#', the customer's names whole and in parts, the email and its domain, folded in full Unicode", () => {
    const terms = orderSearchTerms({ name: "#1042", customerName: "Åsa  Lind-Öberg", email: "Asa.Lind@Example.SE" });
    expect(terms).toEqual([
      { term: "1042", customer: false },
      { term: "åsa", customer: true },
      { term: "lind-öberg", customer: true },
      { term: "lind", customer: true },
      { term: "öberg", customer: true },
      { term: "asa.lind@example.se", customer: true },
      { term: "example.se", customer: true },
    ]);
  });

  it("keep a word that is both the order's and the customer's as the order's, so redact leaves it", () => {
    expect(orderSearchTerms({ name: "SE 1042", customerName: "Se Ra", email: null })).toEqual([
      { term: "se", customer: false },
      { term: "1042", customer: false },
      { term: "ra", customer: true },
    ]);
  });

  it("match a name typed in decomposed Unicode (as a Mac keyboard may send it)", () => {
    const [term] = orderSearchTerms({ name: "#1", customerName: "A\u030Asa", email: null }).filter((t) => t.customer);
    expect(term.term).toBe("åsa");
    expect(searchWords("A\u030ASA")).toEqual(["åsa"]);
  });

  it("are none of the customer's for a guest order without a name or email", () => {
    expect(orderSearchTerms({ name: "#7", customerName: null, email: null })).toEqual([{ term: "7", customer: false }]);
  });
});

describe("the words of a search", () => {
  it("drop '#', blanks and repeats, and count the first six", () => {
    expect(searchWords("  #1042   Åsa #1042 ")).toEqual(["1042", "åsa"]);
    expect(searchWords("# (ANNA), ")).toEqual(["anna"]);
    expect(searchWords("a b c d e f g h")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});

-- Notes the test projection defers to its batch's commit (BatchWrites): one too long for its column fails only there.
CREATE TABLE test_note (
    case_id VARCHAR(255) NOT NULL,
    note    VARCHAR(10)  NOT NULL,
    PRIMARY KEY (case_id)
);

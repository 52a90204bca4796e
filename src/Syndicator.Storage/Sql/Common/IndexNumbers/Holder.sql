SELECT item_id FROM index_numbers WHERE number = @number;
